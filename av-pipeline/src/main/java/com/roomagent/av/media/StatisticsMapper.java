package com.roomagent.av.media;

import com.roomagent.av.media.StreamStatistics.Direction;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Turns {@code rtpbin}'s per-source statistics ({@code RTPSource}'s {@code stats} fields) into
 * {@link StreamStatistics}. Pure.
 *
 * <p>Where the numbers live: our own source (internal) counts what we sent; the far end's source
 * counts what we received, what we last reported about it ({@code sent-rb-*}) and what it last
 * reported about us ({@code rb-*}, with {@code rb-ssrc} naming our SSRC).
 */
final class StatisticsMapper {
    /** RFC 3550 section 6.4.1: fraction lost is a fixed-point number with the point at the left edge. */
    private static final double FRACTION_SCALE = 256.0;
    /** The round trip in {@code rb-round-trip} is in units of 1/65536 s (the NTP short format). */
    private static final double ROUND_TRIP_UNITS_PER_SECOND = 65536.0;

    private StatisticsMapper() {}

    static StreamStatistics sent(MediaKind kind, long ssrc, Map<String, Object> own, Map<String, Object> farEnd) {
        boolean reported = bool(farEnd, "have-rb") && number(farEnd, "rb-ssrc") == ssrc;
        Optional<Duration> roundTrip = Optional.empty();
        if (reported && number(farEnd, "rb-round-trip") > 0) {
            roundTrip = Optional.of(seconds(number(farEnd, "rb-round-trip") / ROUND_TRIP_UNITS_PER_SECOND));
        }
        return new StreamStatistics(
                kind,
                Direction.SENT,
                ssrc,
                number(own, "packets-sent"),
                number(own, "octets-sent"),
                number(own, "bitrate"),
                reported ? Math.max(0, number(farEnd, "rb-packetslost")) : 0,
                reported ? number(farEnd, "rb-fractionlost") / FRACTION_SCALE : 0,
                reported ? jitter(number(farEnd, "rb-jitter"), kind) : Duration.ZERO,
                roundTrip,
                0);
    }

    static StreamStatistics received(MediaKind kind, long ssrc, Map<String, Object> farEnd, long undecryptable) {
        return new StreamStatistics(
                kind,
                Direction.RECEIVED,
                ssrc,
                number(farEnd, "packets-received"),
                number(farEnd, "octets-received"),
                number(farEnd, "bitrate"),
                Math.max(0, number(farEnd, "packets-lost")),
                bool(farEnd, "sent-rb") ? number(farEnd, "sent-rb-fractionlost") / FRACTION_SCALE : 0,
                jitter(number(farEnd, "jitter"), kind),
                Optional.empty(),
                Math.max(0, undecryptable));
    }

    /** The extended highest sequence number of the far end's last report about us: changes with each new report. */
    static long reportMarker(long ssrc, Map<String, Object> farEnd) {
        return bool(farEnd, "have-rb") && number(farEnd, "rb-ssrc") == ssrc ? number(farEnd, "rb-exthighestseq") : -1;
    }

    private static Duration jitter(long clockUnits, MediaKind kind) {
        return seconds((double) clockUnits / kind.clockRate());
    }

    private static Duration seconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    private static long number(Map<String, Object> fields, String name) {
        return fields.get(name) instanceof Long value ? value : 0;
    }

    private static boolean bool(Map<String, Object> fields, String name) {
        return fields.get(name) instanceof Boolean value && value;
    }
}
