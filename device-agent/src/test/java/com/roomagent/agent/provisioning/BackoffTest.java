package com.roomagent.agent.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(30));

    @Test
    void ceilingDoublesFromTheInitialWaitUpToTheMaximum() {
        assertEquals(Duration.ofSeconds(2), backoff.ceiling(0));
        assertEquals(Duration.ofSeconds(4), backoff.ceiling(1));
        assertEquals(Duration.ofSeconds(16), backoff.ceiling(3));
        assertEquals(Duration.ofSeconds(30), backoff.ceiling(4));
        assertEquals(Duration.ofSeconds(30), backoff.ceiling(1000));
    }

    @Test
    void fullJitterDrawsFromZeroToTheCeiling() {
        Random random = new Random(42);
        long smallest = Long.MAX_VALUE;
        long largest = 0;
        for (int i = 0; i < 2000; i++) {
            long millis = backoff.delay(3, random).toMillis();
            smallest = Math.min(smallest, millis);
            largest = Math.max(largest, millis);
        }
        assertTrue(smallest >= 0 && smallest < 500, "some waits are short: " + smallest);
        assertTrue(largest <= 16_000 && largest > 15_000, "some waits approach the ceiling: " + largest);
    }

    @Test
    void sameRandomGivesTheSameWaits() {
        assertEquals(backoff.delay(2, new Random(7)), backoff.delay(2, new Random(7)));
    }
}
