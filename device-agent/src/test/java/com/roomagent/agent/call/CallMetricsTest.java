package com.roomagent.agent.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.roomagent.protocol.metrics.MediaStatisticsRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A call's streams as metrics records: per interval, named by medium and direction. */
class CallMetricsTest {
    private static final Instant AT = Instant.parse("2026-11-25T22:00:10Z");

    @Test
    void theFirstIntervalCountsFromZeroAndNamesEachStream() {
        CallStatus now = status(
                stream("video", "sent", 900, 3, 4.5, 21.0, 1800.4),
                stream("video", "received", 850, 7, 6.0, null, 1500),
                stream("audio", "sent", 500, 0, 1.0, 20.0, 32),
                stream("audio", "received", 498, 2, 2.5, null, 31.6));

        Map<String, MediaStatisticsRecord> records = byStream(CallMetrics.records(AT, null, now));

        assertEquals(
                new MediaStatisticsRecord(AT, "call-9", "video-send", 900, 3, 4.5, 21.0, 1800),
                records.get("video-send"));
        assertEquals(
                new MediaStatisticsRecord(AT, "call-9", "audio-receive", 498, 2, 2.5, 20.0, 32),
                records.get("audio-receive"),
                "a received stream carries the RTT of the same medium's sent stream");
        assertEquals(4, records.size());
    }

    @Test
    void laterIntervalsCountWhatTheIntervalAddedAndNeverLessThanZero() {
        CallStatus before = status(stream("video", "received", 850, 7, 6.0, null, 1500));
        CallStatus now = status(stream("video", "received", 1300, 5, 3.0, null, 1200));

        MediaStatisticsRecord record = CallMetrics.records(AT, before, now).get(0);

        assertEquals(450, record.packets());
        assertEquals(0, record.packetsLost(), "a cumulative loss that went down (duplicates) counts as none");
        assertEquals(0.0, record.roundTripMillis(), "no RTT known yet");
    }

    @Test
    void aStatusWithoutStreamsGivesNoRecords() {
        assertEquals(List.of(), CallMetrics.records(AT, null, status()));
    }

    private static Map<String, MediaStatisticsRecord> byStream(List<MediaStatisticsRecord> records) {
        return records.stream().collect(Collectors.toMap(MediaStatisticsRecord::stream, Function.identity()));
    }

    private static CallStatus.Stream stream(
            String kind, String direction, long packets, long lost, double jitter, Double rtt, double kbps) {
        return new CallStatus.Stream(kind, direction, 1234, packets, packets * 1000, kbps, lost, 0.01, jitter, rtt, 0);
    }

    private static CallStatus status(CallStatus.Stream... streams) {
        return new CallStatus(
                "call-9",
                "active",
                AT,
                "udp",
                false,
                new CallStatus.Video(true, "test-pattern", false, VideoDecision.TEST_PATTERN),
                new CallStatus.Audio(
                        true, "test-tone", AudioDecision.TEST_TONE, true, "fakesink", AudioDecision.EMULATED_SPEAKER),
                "x264enc",
                null,
                "320x240@15",
                300,
                List.of(streams),
                new CallStatus.Received(0, null, 0, null, 0, null),
                0,
                0,
                null);
    }
}
