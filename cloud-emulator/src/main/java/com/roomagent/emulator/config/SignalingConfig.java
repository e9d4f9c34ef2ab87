package com.roomagent.emulator.config;

import java.util.Objects;

/**
 * Where the signaling HTTPS server listens, how much it remembers, and how fast clients may try
 * activation codes.
 *
 * @param host the IP literal to bind; the signaling URI and the server certificate use it
 *     (default {@value #DEFAULT_HOST})
 * @param port the TCP port, 0 for an ephemeral one (default {@value #DEFAULT_PORT})
 * @param reportHistoryPerDevice how many discovery reports are kept per device, newest first
 *     (default {@value #DEFAULT_REPORT_HISTORY})
 * @param activationRateLimit the token bucket per client address on activations and pairings
 *     (default {@link RateLimitConfig#defaults()})
 */
public record SignalingConfig(String host, int port, int reportHistoryPerDevice, RateLimitConfig activationRateLimit) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 443;
    public static final int DEFAULT_REPORT_HISTORY = 10;

    public SignalingConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(activationRateLimit, "activationRateLimit");
    }

    /** With the default activation rate limit. */
    public SignalingConfig(String host, int port, int reportHistoryPerDevice) {
        this(host, port, reportHistoryPerDevice, RateLimitConfig.defaults());
    }

    /** Signaling on 127.0.0.1 with an ephemeral port: what tests use. */
    public static SignalingConfig loopbackEphemeral() {
        return new SignalingConfig(DEFAULT_HOST, 0, DEFAULT_REPORT_HISTORY);
    }

    /** This configuration with another activation rate limit. */
    public SignalingConfig withActivationRateLimit(RateLimitConfig replacement) {
        return new SignalingConfig(host, port, reportHistoryPerDevice, replacement);
    }
}
