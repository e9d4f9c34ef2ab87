package com.roomagent.agent.call;

import com.roomagent.protocol.metrics.MediaStatisticsRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A call's media quality as metrics records (R20): one {@link MediaStatisticsRecord} per RTP
 * stream and interval, from two {@link CallStatus} snapshots. Pure; {@link CallMedia} takes a
 * snapshot every {@link CallMedia#METRICS_INTERVAL} and once more when it ends.
 *
 * <ul>
 *   <li>{@code stream}: {@code video-send}, {@code video-receive}, {@code audio-send}, {@code audio-receive}.
 *   <li>{@code packets} and {@code packetsLost}: what the interval added to the cumulative RTCP
 *       counters (RFC 3550 section 6.4; a counter that went down, as a peer's cumulative loss may
 *       after duplicates, counts as 0).
 *   <li>{@code jitterMillis}, {@code bitrateKbps}: the values at the end of the interval.
 *   <li>{@code roundTripMillis}: a sent stream's RTT from the far end's reports; a received stream
 *       has none of its own (that would need RTCP XR), so it carries the RTT of the sent stream of
 *       the same medium, the same path both ways; 0 while none is known.
 * </ul>
 */
public final class CallMetrics {
    private CallMetrics() {}

    /**
     * The records of the interval from {@code previous} (null at the call's first interval: counted
     * from zero) to {@code now}; none for a status without streams (the session is gone).
     */
    public static List<MediaStatisticsRecord> records(Instant at, CallStatus previous, CallStatus now) {
        Map<String, CallStatus.Stream> before = new HashMap<>();
        if (previous != null) {
            previous.streams().forEach(stream -> before.put(key(stream), stream));
        }
        Map<String, Double> roundTrips = new HashMap<>();
        for (CallStatus.Stream stream : now.streams()) {
            if (stream.direction().equals("sent") && stream.roundTripMs() != null) {
                roundTrips.put(stream.kind(), stream.roundTripMs());
            }
        }
        List<MediaStatisticsRecord> records = new ArrayList<>();
        for (CallStatus.Stream stream : now.streams()) {
            CallStatus.Stream earlier = before.get(key(stream));
            long packets = stream.packets() - (earlier == null ? 0 : earlier.packets());
            long lost = stream.packetsLost() - (earlier == null ? 0 : earlier.packetsLost());
            records.add(new MediaStatisticsRecord(
                    at,
                    now.callId(),
                    key(stream),
                    Math.max(0, packets),
                    Math.max(0, lost),
                    stream.jitterMs(),
                    roundTrips.getOrDefault(stream.kind(), 0.0),
                    Math.round(stream.bitrateKbps())));
        }
        return records;
    }

    private static String key(CallStatus.Stream stream) {
        return stream.kind() + (stream.direction().equals("sent") ? "-send" : "-receive");
    }
}
