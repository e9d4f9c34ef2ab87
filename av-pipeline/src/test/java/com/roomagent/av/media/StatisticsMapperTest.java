package com.roomagent.av.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.roomagent.av.media.StreamStatistics.Direction;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** rtpbin's per-source fields become stream statistics, with units converted. */
class StatisticsMapperTest {
    private static final long OURS = 1001;

    @Test
    void aSentStreamTakesTheFarEndsReportAboutUs() {
        Map<String, Object> own = Map.of("packets-sent", 300L, "octets-sent", 250_000L, "bitrate", 800_000L);
        Map<String, Object> farEnd = Map.of(
                "have-rb", true,
                "rb-ssrc", OURS,
                "rb-fractionlost", 64L, // 64/256
                "rb-packetslost", 12L,
                "rb-jitter", 900L, // 900 / 90 kHz = 10 ms
                "rb-round-trip", 3277L); // 3277 / 65536 s = 50 ms

        StreamStatistics sent = StatisticsMapper.sent(MediaKind.VIDEO, OURS, own, farEnd);

        assertEquals(Direction.SENT, sent.direction());
        assertEquals(300, sent.packets());
        assertEquals(250_000, sent.bytes());
        assertEquals(800_000, sent.bitrateBitsPerSecond());
        assertEquals(0.25, sent.fractionLost());
        assertEquals(12, sent.packetsLost());
        assertEquals(Duration.ofMillis(10), sent.jitter());
        assertEquals(50, sent.roundTripTime().orElseThrow().toMillis());
    }

    @Test
    void aReportAboutAnotherSsrcIsNotOurs() {
        Map<String, Object> farEnd = Map.of("have-rb", true, "rb-ssrc", 5L, "rb-fractionlost", 128L);

        StreamStatistics sent = StatisticsMapper.sent(MediaKind.VIDEO, OURS, Map.of(), farEnd);

        assertEquals(0, sent.fractionLost());
        assertEquals(Optional.empty(), sent.roundTripTime());
        assertEquals(-1, StatisticsMapper.reportMarker(OURS, farEnd));
    }

    @Test
    void aReceivedStreamCountsWhatArrivedAndNeverLosesANegativeNumber() {
        Map<String, Object> farEnd = Map.of(
                "packets-received", 500L,
                "octets-received", 40_000L,
                "bitrate", 32_000L,
                "packets-lost", -1L, // a duplicate makes RFC 3550's count dip below zero
                "jitter", 480L, // 480 / 48 kHz = 10 ms
                "sent-rb", true,
                "sent-rb-fractionlost", 26L);

        StreamStatistics received = StatisticsMapper.received(MediaKind.AUDIO, 2002, farEnd, 3);

        assertEquals(500, received.packets());
        assertEquals(0, received.packetsLost());
        assertEquals(Duration.ofMillis(10), received.jitter());
        assertEquals(26 / 256.0, received.fractionLost());
        assertEquals(3, received.undecryptablePackets());
        assertEquals(Optional.empty(), received.roundTripTime());
    }

    @Test
    void aSourceNotSeenYetReadsAsZeros() {
        StreamStatistics received = StatisticsMapper.received(MediaKind.VIDEO, 7, Map.of(), 0);

        assertEquals(0, received.packets());
        assertEquals(Duration.ZERO, received.jitter());
    }
}
