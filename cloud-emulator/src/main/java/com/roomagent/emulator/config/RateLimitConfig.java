package com.roomagent.emulator.config;

import java.time.Duration;
import java.util.Objects;

/**
 * A token bucket per client address on the endpoints where a device presents something guessable
 * ({@code POST /v1/activations}, {@code POST /v1/pairings}): a client may make {@code burst}
 * attempts at once, then one more every {@code refillInterval}.
 *
 * @param burst attempts allowed at once, and the bucket's size (default {@value #DEFAULT_BURST})
 * @param refillInterval the time one attempt takes to come back (default {@value
 *     #DEFAULT_REFILL_SECONDS} seconds); whole seconds in the configuration file
 */
public record RateLimitConfig(int burst, Duration refillInterval) {
    public static final int DEFAULT_BURST = 10;
    public static final int DEFAULT_REFILL_SECONDS = 6;

    public RateLimitConfig {
        Objects.requireNonNull(refillInterval, "refillInterval");
    }

    /** Ten attempts at once, then one every six seconds: ten codes a minute per address. */
    public static RateLimitConfig defaults() {
        return new RateLimitConfig(DEFAULT_BURST, Duration.ofSeconds(DEFAULT_REFILL_SECONDS));
    }
}
