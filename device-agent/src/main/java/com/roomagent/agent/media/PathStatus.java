package com.roomagent.agent.media;

import java.util.List;

/**
 * The media path as status ({@code call.path}) and the report show it.
 *
 * @param meetingId the meeting
 * @param state {@code connecting} (the first race, or a retry of an unavailable path), {@code up},
 *     {@code failing-over}, {@code unavailable} (no candidate answered; a retry is scheduled) or
 *     {@code closed}
 * @param node the media node carrying the flow now
 * @param transport {@code udp}, {@code tcp}, {@code tls} or {@code udp-last-resort}; null before
 *     the first path
 * @param localAddress our end of the channel, {@code host:port}
 * @param mappedAddress our address as the node saw it (STUN XOR-MAPPED-ADDRESS); null until known
 * @param remoteAddress the node's end
 * @param rttMs the smoothed STUN round trip on the path (RFC 6298), or the race's when no
 *     keepalive was answered yet
 * @param keepalive {@code alive} while keepalives are answered (consent fresh, RFC 7675), {@code
 *     lost} after a loss
 * @param lastKeepaliveAnswerAgoMs since the last answered keepalive (or the race's check)
 * @param timeToMediaMs from the path's start to the first authenticated SRTP packet received (see
 *     docs/media-path.md); null until then
 * @param failovers every failover so far, oldest first
 * @param unavailable why the path is unavailable and when it tries again; null while it is not
 *     unavailable (set also while a retry races, until the path is up again)
 */
public record PathStatus(
        String meetingId,
        String state,
        String node,
        String transport,
        String localAddress,
        String mappedAddress,
        String remoteAddress,
        Double rttMs,
        String keepalive,
        Long lastKeepaliveAnswerAgoMs,
        Long timeToMediaMs,
        List<Failover> failovers,
        Unavailable unavailable) {

    public PathStatus {
        failovers = List.copyOf(failovers);
    }

    /**
     * An unavailable path's retry (docs/media-path.md, "Unavailable, and back").
     *
     * @param cause why: the failover's reason, or every candidate's failure in the last race
     * @param since when the path became unavailable, ISO-8601
     * @param failedAttempts consecutive failures (the loss's failover included)
     * @param nextAttemptInMs until the next race; 0 while it runs
     */
    public record Unavailable(String cause, String since, int failedAttempts, long nextAttemptInMs) {}

    /**
     * One failover.
     *
     * @param at when the loss was noticed, ISO-8601
     * @param from the lost candidate ({@code node udp host:port})
     * @param to the candidate that took over; null while none did (an unavailable path's successful
     *     retry fills it in)
     * @param cause {@code CONSENT_EXPIRED}, {@code MEDIA_STOPPED} or {@code CHANNEL_CLOSED}
     * @param detail the loss's detail
     * @param gapMs the media gap: from the last SRTP packet received on the lost path to the first
     *     authenticated SRTP packet after the re-key; null while media has not resumed
     * @param recoveryMs from noticing the loss to the new path keyed (race and DTLS; after an
     *     unavailable spell, its retries included)
     */
    public record Failover(
            String at, String from, String to, String cause, String detail, Long gapMs, Long recoveryMs) {}
}
