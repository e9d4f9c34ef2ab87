package com.roomagent.emulator.provisioning;

import com.roomagent.emulator.config.RateLimitConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A token bucket per client: {@code burst} attempts at once, then one more per refill interval.
 * Every attempt takes a token whatever its outcome, so failed guesses count. Time comes from the
 * injected clock only.
 *
 * <p>Thread-safe: every method synchronizes on the limiter. Memory stays bounded: once more than
 * {@value #PRUNE_ABOVE} clients are tracked, the buckets that have refilled completely are
 * forgotten, which changes nothing for their clients.
 */
public final class RateLimiter {
    private static final int PRUNE_ABOVE = 10_000;

    private final int burst;
    private final long refillNanos;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new HashMap<>();

    public RateLimiter(RateLimitConfig config, Clock clock) {
        if (config.burst() < 1
                || config.refillInterval().isNegative()
                || config.refillInterval().isZero()) {
            throw new IllegalArgumentException(
                    "a rate limit needs a burst of at least 1 and a positive refill: " + config);
        }
        this.burst = config.burst();
        this.refillNanos = config.refillInterval().toNanos();
        this.clock = clock;
    }

    /**
     * Takes one token from {@code client}'s bucket.
     *
     * @return empty when the attempt may go ahead; otherwise how long until a token is back (whole
     *     seconds, at least one: what {@code Retry-After} carries)
     */
    public synchronized Optional<Duration> tryAcquire(String client) {
        Instant now = clock.instant();
        if (buckets.size() > PRUNE_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.level(now) >= burst);
        }
        Bucket bucket = buckets.computeIfAbsent(client, key -> new Bucket(burst, now));
        double level = bucket.level(now);
        bucket.tokens = level;
        bucket.at = now;
        if (level >= 1) {
            bucket.tokens = level - 1;
            return Optional.empty();
        }
        long waitNanos = (long) Math.ceil((1 - level) * refillNanos);
        long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        return Optional.of(Duration.ofSeconds(seconds));
    }

    /** Tokens and the time they were counted; refilled lazily when next looked at. */
    private final class Bucket {
        private double tokens;
        private Instant at;

        private Bucket(double tokens, Instant at) {
            this.tokens = tokens;
            this.at = at;
        }

        private double level(Instant now) {
            long elapsedNanos = Math.max(0, Duration.between(at, now).toNanos());
            return Math.min(burst, tokens + (double) elapsedNanos / refillNanos);
        }
    }
}
