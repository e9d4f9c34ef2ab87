package com.roomagent.agent.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.agent.provisioning.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The unavailable path's retry schedule on virtual time: no network, no clock but the one passed in. */
class PathRetryTest {
    private static final Instant T0 = Instant.parse("2026-11-25T22:00:00Z");
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

    @Test
    void consecutiveFailedAttemptsWaitWithinADoublingCeilingCappedAtTheMaximum() {
        PathRetry retry = new PathRetry(BACKOFF, new Random(1));
        long[] ceilingsSeconds = {1, 2, 4, 8, 16, 30, 30, 30};
        Instant now = T0;
        Duration longest = Duration.ZERO;
        for (int i = 0; i < ceilingsSeconds.length; i++) {
            PathRetry.Next next = retry.failed("no candidate answered", now);
            Duration wait = next.waitFrom(now);
            assertFalse(wait.isNegative(), "attempt " + i);
            assertTrue(wait.compareTo(Duration.ofSeconds(ceilingsSeconds[i])) <= 0, "attempt " + i + " waited " + wait);
            assertEquals(i + 1, next.failures());
            assertEquals("no candidate answered", next.cause());
            longest = wait.compareTo(longest) > 0 ? wait : longest;
            now = next.at();
        }
        assertTrue(longest.compareTo(Duration.ofSeconds(2)) > 0, "the waits grow: longest " + longest);
    }

    @Test
    void jitterSpreadsRoomsWhoseMediaWasCutTogether() {
        long distinct = new Random(3)
                .longs(20)
                .mapToObj(seed -> new PathRetry(BACKOFF, new Random(seed))
                        .failed("firewall dropped media", T0)
                        .at())
                .distinct()
                .count();
        assertTrue(distinct > 10, "only " + distinct + " distinct first retries among 20 rooms");
    }

    @Test
    void aRecoveredPathStartsTheNextLossFromTheShortestWait() {
        PathRetry retry = new PathRetry(BACKOFF, new Random(5));
        for (int i = 0; i < 8; i++) {
            retry.failed("down", T0);
        }
        retry.recovered();

        PathRetry.Next next = retry.failed("down again", T0);

        assertEquals(1, next.failures());
        assertTrue(next.waitFrom(T0).compareTo(Duration.ofSeconds(1)) <= 0, next.toString());
    }

    @Test
    void theWaitShownIsZeroOnceTheAttemptIsDue() {
        PathRetry.Next next = new PathRetry(BACKOFF, new Random(7)).failed("down", T0);

        assertEquals(Duration.ZERO, next.waitFrom(next.at().plusSeconds(5)));
        assertEquals(Duration.between(T0, next.at()), next.waitFrom(T0));
    }
}
