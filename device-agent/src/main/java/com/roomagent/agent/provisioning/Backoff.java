package com.roomagent.agent.provisioning;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * Exponential backoff with full jitter (the "Full Jitter" of AWS's "Exponential Backoff and
 * Jitter", 2015): the wait before attempt {@code n} is drawn uniformly from zero to {@code min(max,
 * initial * 2^n)}, so many devices that failed together (a cloud restart) do not retry together.
 * Pure: the randomness is passed in.
 */
public record Backoff(Duration initial, Duration max) {
    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.isNegative() || max.isZero()) {
            throw new IllegalArgumentException("backoff needs positive waits, got initial " + initial + ", max " + max);
        }
    }

    /** The ceiling of attempt {@code attempt} (0 for the first wait): {@code min(max, initial * 2^attempt)}. */
    public Duration ceiling(int attempt) {
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt " + attempt + " is negative");
        }
        // 2^30 times any initial wait of a millisecond or more is beyond every sensible maximum.
        Duration grown = initial.multipliedBy(1L << Math.min(attempt, 30));
        return grown.compareTo(max) > 0 ? max : grown;
    }

    /** The wait before attempt {@code attempt}: uniform in {@code [0, ceiling(attempt)]}, to the millisecond. */
    public Duration delay(int attempt, Random random) {
        long ceilingMillis = ceiling(attempt).toMillis();
        return Duration.ofMillis((long) (random.nextDouble() * (ceilingMillis + 1)));
    }
}
