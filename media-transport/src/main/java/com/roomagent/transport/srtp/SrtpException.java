package com.roomagent.transport.srtp;

/**
 * A packet that {@link SrtpContext} refused to protect or unprotect, and why. The context's state
 * is unchanged by a refused packet (RFC 3711 section 3.3: the rollover counter, the highest
 * sequence number and the replay list move only after a packet authenticated), and the refusal is
 * counted in {@link SrtpStatistics}.
 *
 * <p>Cheap to throw: it records no stack trace, because a forged or replayed packet is an expected
 * input on an open UDP port, not a programming error.
 */
public final class SrtpException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a packet was refused. */
    public enum Reason {
        /** Shorter than its header, header extension and authentication tag: truncated or not SRTP. */
        TOO_SHORT,
        /** Not RTP or RTCP version 2 (RFC 3550 section 5.1): not a packet for this context. */
        NOT_VERSION_2,
        /** Carries another SSRC than the context's: route it to that SSRC's context. */
        WRONG_SSRC,
        /** The authentication tag does not match (RFC 3711 section 3.3 step 5): wrong key, or altered. */
        AUTHENTICATION_FAILED,
        /** This packet index was already accepted (RFC 3711 section 3.3.2): a replay or a duplicate. */
        REPLAYED,
        /** Older than the replay window (RFC 3711 section 3.3.2): it cannot be told from a replay. */
        TOO_OLD,
        /** The packet index space (2^48 for SRTP, 2^31 for SRTCP) is used up: re-key (RFC 3711 section 9.2). */
        INDEX_EXHAUSTED
    }

    private final Reason reason;

    SrtpException(Reason reason, String message) {
        super(reason + ": " + message, null, false, false);
        this.reason = reason;
    }

    /** Why the packet was refused. */
    public Reason reason() {
        return reason;
    }
}
