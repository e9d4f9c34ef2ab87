package com.roomagent.av.media;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One stream's RTP statistics at one moment, from {@code rtpbin}'s RTCP bookkeeping (RFC 3550
 * section 6.4). Immutable.
 *
 * <p>For a {@link Direction#SENT} stream the loss, jitter and round-trip time are what the far end
 * said about it in its last receiver report block; for a {@link Direction#RECEIVED} stream they
 * are what this device measured (and reports back).
 *
 * @param ssrc the stream's SSRC, unsigned 32-bit
 * @param packets RTP packets sent or received
 * @param bytes RTP payload bytes sent or received (headers, SRTP tags and transport framing not included)
 * @param bitrateBitsPerSecond the current payload bitrate as {@code rtpbin} estimates it
 * @param packetsLost cumulative packets lost (never negative: duplicates can make RFC 3550's count dip below 0)
 * @param fractionLost 0..1, the loss in the last report interval ("fraction lost" / 256)
 * @param jitter interarrival jitter (RFC 3550 section 6.4.1) converted from RTP clock units
 * @param roundTripTime for a sent stream, from the report's LSR and DLSR; empty until a report
 *     answered one of our sender reports, and always for a received stream
 * @param undecryptablePackets received streams only: packets routed to this stream that SRTP did
 *     not let through (authentication failed: wrong keys or tampering; replays; a full input queue)
 */
public record StreamStatistics(
        MediaKind kind,
        Direction direction,
        long ssrc,
        long packets,
        long bytes,
        long bitrateBitsPerSecond,
        long packetsLost,
        double fractionLost,
        Duration jitter,
        Optional<Duration> roundTripTime,
        long undecryptablePackets) {

    /** Which way the stream flows, seen from this device. */
    public enum Direction {
        SENT,
        RECEIVED
    }

    public StreamStatistics {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(jitter, "jitter");
        Objects.requireNonNull(roundTripTime, "roundTripTime");
    }
}
