package com.roomagent.protocol.metrics;

import java.time.Instant;
import java.util.Objects;

/**
 * Media quality of one stream over an interval, from RTCP (RFC 3550 section 6.4).
 *
 * @param at the end of the interval
 * @param sessionId the media session
 * @param stream {@code audio-send}, {@code audio-receive}, {@code video-send} or {@code
 *     video-receive}
 * @param packets packets sent or received in the interval
 * @param packetsLost packets lost in the interval (receive side, or as reported by the peer)
 * @param jitterMillis interarrival jitter, in milliseconds
 * @param roundTripMillis RTCP round-trip time, in milliseconds
 * @param bitrateKbps the average bitrate over the interval, in kilobits per second
 */
public record MediaStatisticsRecord(
        Instant at,
        String sessionId,
        String stream,
        long packets,
        long packetsLost,
        double jitterMillis,
        double roundTripMillis,
        long bitrateKbps)
        implements MetricRecord {
    public MediaStatisticsRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(stream, "stream");
    }
}
