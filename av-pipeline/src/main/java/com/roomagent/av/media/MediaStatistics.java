package com.roomagent.av.media;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A snapshot of a session's four streams (video and audio, sent and received) and of what the
 * session itself counts. Immutable; {@link MediaSession#statistics()} takes a new one per call.
 *
 * @param unroutablePackets packets given to {@link MediaSession#accept} that were not RTP/RTCP or
 *     came from an SSRC signaling did not announce
 * @param videoTargetKbps the video encoder's current bitrate target (see {@code BitratePolicy})
 */
public record MediaStatistics(
        Instant takenAt, List<StreamStatistics> streams, long unroutablePackets, int videoTargetKbps) {
    public MediaStatistics {
        Objects.requireNonNull(takenAt, "takenAt");
        streams = List.copyOf(streams);
    }

    /** The statistics of one stream. */
    public StreamStatistics stream(MediaKind kind, StreamStatistics.Direction direction) {
        return streams.stream()
                .filter(s -> s.kind() == kind && s.direction() == direction)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + direction + " " + kind + " stream"));
    }
}
