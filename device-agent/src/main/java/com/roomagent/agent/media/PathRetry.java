package com.roomagent.agent.media;

import com.roomagent.agent.provisioning.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Random;

/**
 * When an unavailable media path tries again (docs/media-path.md, "Unavailable, and back"):
 * exponential backoff with full jitter ({@link Backoff}) over consecutive failed attempts, reset
 * when the path carries media again. The same schedule as signaling's reconnection, so a whole
 * site whose firewall dropped media does not retry in step. Pure: time and randomness come in. Not
 * thread-safe; the path's lock guards it.
 */
public final class PathRetry {
    private final Backoff backoff;
    private final Random random;
    private int failures;

    public PathRetry(Backoff backoff, Random random) {
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * The next attempt.
     *
     * @param cause why the path is unavailable (the failover's reason or the failed race's message)
     * @param at when the next attempt starts
     * @param failures consecutive failures so far, this one included
     */
    public record Next(String cause, Instant at, int failures) {
        public Next {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(at, "at");
        }

        /** How long from {@code now} until the attempt; zero once it is due. */
        public Duration waitFrom(Instant now) {
            Duration wait = Duration.between(now, at);
            return wait.isNegative() ? Duration.ZERO : wait;
        }
    }

    /** The path became unavailable, or an attempt failed, at {@code now} for {@code cause}. */
    public Next failed(String cause, Instant now) {
        Duration wait = backoff.delay(failures, random);
        failures++;
        return new Next(cause, now.plus(wait), failures);
    }

    /** The path carries media again: the next loss starts from the shortest wait. */
    public void recovered() {
        failures = 0;
    }

    /** Consecutive failures since the path last recovered. */
    public int failures() {
        return failures;
    }
}
