package com.roomagent.agent.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.agent.provisioning.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The reconnection schedule on virtual time: no network, no clock but the one passed in. */
class ReconnectionTest {
    private static final Instant T0 = Instant.parse("2026-11-25T19:00:00Z");
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

    @Test
    void consecutiveFailuresWaitWithinADoublingCeilingCappedAtTheMaximum() {
        Reconnection reconnection = new Reconnection(BACKOFF, new Random(1));
        long[] ceilingsSeconds = {1, 2, 4, 8, 16, 32, 60, 60, 60};
        Instant now = T0;
        for (int i = 0; i < ceilingsSeconds.length; i++) {
            SignalingState.Reconnecting next = reconnection.failed("down", now);
            Duration wait = Duration.between(now, next.nextAttemptAt());
            assertFalse(wait.isNegative(), "attempt " + i);
            assertTrue(wait.compareTo(Duration.ofSeconds(ceilingsSeconds[i])) <= 0, "attempt " + i + " waited " + wait);
            assertEquals(i + 1, next.failures());
            now = next.nextAttemptAt();
        }
    }

    @Test
    void jitterSpreadsDevicesThatFailedTogether() {
        long distinct = new Random(3)
                .longs(20)
                .mapToObj(seed -> new Reconnection(BACKOFF, new Random(seed))
                        .failed("cloud restart", T0)
                        .nextAttemptAt())
                .distinct()
                .count();
        assertTrue(distinct > 10, "only " + distinct + " distinct first retries among 20 devices");
    }

    @Test
    void aWelcomedChannelResetsTheScheduleToTheShortestWait() {
        Reconnection reconnection = new Reconnection(BACKOFF, new Random(5));
        for (int i = 0; i < 8; i++) {
            reconnection.failed("down", T0);
        }
        reconnection.connected();

        SignalingState.Reconnecting next = reconnection.failed("down again", T0);

        assertEquals(1, next.failures());
        assertTrue(Duration.between(T0, next.nextAttemptAt()).compareTo(Duration.ofSeconds(1)) <= 0);
    }

    @Test
    void aRefusedDeviceWaitsWithinTheLongestCeilingAtOnce() {
        Reconnection reconnection = new Reconnection(BACKOFF, new Random(9));

        SignalingState.Failed failed = reconnection.refused("certificate refused", T0);

        Duration wait = Duration.between(T0, failed.nextAttemptAt());
        assertTrue(wait.compareTo(Duration.ofSeconds(60)) <= 0, wait.toString());
        assertEquals("certificate refused", failed.reason());
        assertEquals(1, reconnection.failures());
    }
}
