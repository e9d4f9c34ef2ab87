package com.roomagent.av.media;

import static com.roomagent.av.media.TestCall.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.av.bitrate.BitratePolicy;
import com.roomagent.av.bitrate.TransportKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The video target follows the transport at once and the far end's loss reports over time. */
@Timeout(60)
class BitrateAdaptationTest {
    private static final BitratePolicy.Limits LIMITS = BitratePolicy.Limits.HD_720P30;
    private static final Duration LIMIT = Duration.ofSeconds(15);

    @Test
    void aFailOverToTlsCutsTheTargetToTheReliableCeiling() throws Exception {
        try (TestCall call = TestCall.start(settings -> settings.transport(TransportKind.UDP), settings -> settings)) {
            assertEquals(LIMITS.maximumUdpKbps() * 2 / 3, call.a.videoTargetKbps());

            call.a.transportChanged(TransportKind.TLS);

            await(
                    "a's target at most the TLS ceiling",
                    LIMIT,
                    () -> call.a.videoTargetKbps() <= LIMITS.maximumReliableKbps());
        }
    }

    @Test
    void heavyLossReportedByTheFarEndLowersTheTarget() throws Exception {
        try (TestCall call = TestCall.start()) {
            int initial = call.a.videoTargetKbps();
            call.channel.setLoss(0.3);
            await("a's target below its start", LIMIT, () -> call.a.videoTargetKbps() < initial * 0.9);
            assertTrue(call.a.statistics().videoTargetKbps() >= LIMITS.minimumKbps());
        }
    }
}
