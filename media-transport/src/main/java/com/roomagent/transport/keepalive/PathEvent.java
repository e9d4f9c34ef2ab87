package com.roomagent.transport.keepalive;

import java.time.Duration;

/** What {@link PathKeepalive} tells its listener. */
public sealed interface PathEvent permits PathEvent.PathAlive, PathEvent.PathLost {

    /**
     * The node answered a keepalive.
     *
     * @param rtt this answer's round trip
     * @param smoothedRtt the smoothed RTT (RFC 6298 section 2: 7/8 old + 1/8 new)
     */
    record PathAlive(Duration rtt, Duration smoothedRtt) implements PathEvent {}

    /**
     * The path is gone; the keepalive has stopped and sends nothing more.
     *
     * @param silentFor how long since the last answer ({@link Cause#CONSENT_EXPIRED}) or the last
     *     media packet ({@link Cause#MEDIA_STOPPED}); for {@link Cause#CHANNEL_CLOSED}, since the
     *     last inbound packet of any kind
     * @param detail for the operator
     */
    record PathLost(Cause cause, Duration silentFor, String detail) implements PathEvent {}

    /** Why a path was lost. */
    enum Cause {
        /** No answer to keepalive requests for consentTimeout. */
        CONSENT_EXPIRED,
        /** No media arrived for mediaTimeout while media was expected. */
        MEDIA_STOPPED,
        /** The channel failed or was closed by the node. */
        CHANNEL_CLOSED
    }
}
