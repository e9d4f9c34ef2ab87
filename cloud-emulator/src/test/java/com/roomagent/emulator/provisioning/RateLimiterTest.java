package com.roomagent.emulator.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.emulator.FakeClock;
import com.roomagent.emulator.config.RateLimitConfig;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final FakeClock clock = new FakeClock();
    private final RateLimiter limiter = new RateLimiter(new RateLimitConfig(2, Duration.ofSeconds(6)), clock);

    @Test
    void burstIsAllowedThenTheWaitForTheNextTokenIsTold() {
        assertTrue(limiter.tryAcquire("10.0.0.1").isEmpty());
        assertTrue(limiter.tryAcquire("10.0.0.1").isEmpty());

        assertEquals(Optional.of(Duration.ofSeconds(6)), limiter.tryAcquire("10.0.0.1"));
    }

    @Test
    void refusedAttemptsDoNotDelayTheRefill() {
        limiter.tryAcquire("10.0.0.1");
        limiter.tryAcquire("10.0.0.1");
        limiter.tryAcquire("10.0.0.1");
        clock.advance(Duration.ofSeconds(5));
        assertEquals(Optional.of(Duration.ofSeconds(1)), limiter.tryAcquire("10.0.0.1"));

        clock.advance(Duration.ofSeconds(1));

        assertTrue(limiter.tryAcquire("10.0.0.1").isEmpty());
    }

    @Test
    void theWaitIsRoundedUpToWholeSeconds() {
        limiter.tryAcquire("10.0.0.1");
        limiter.tryAcquire("10.0.0.1");
        clock.advance(Duration.ofMillis(5_500));

        assertEquals(Optional.of(Duration.ofSeconds(1)), limiter.tryAcquire("10.0.0.1"));
    }

    @Test
    void eachClientHasItsOwnBucket() {
        limiter.tryAcquire("10.0.0.1");
        limiter.tryAcquire("10.0.0.1");

        assertTrue(limiter.tryAcquire("10.0.0.2").isEmpty());
    }

    @Test
    void aLongPauseRefillsOnlyUpToTheBurst() {
        clock.advance(Duration.ofHours(1));

        assertTrue(limiter.tryAcquire("10.0.0.1").isEmpty());
        assertTrue(limiter.tryAcquire("10.0.0.1").isEmpty());
        assertTrue(limiter.tryAcquire("10.0.0.1").isPresent());
    }
}
