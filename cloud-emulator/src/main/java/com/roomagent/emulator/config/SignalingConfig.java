package com.roomagent.emulator.config;

import java.util.Objects;

/**
 * Where the signaling HTTPS server and the event channel's WebSocket server listen, how much the
 * signaling server remembers, and how fast clients may try activation codes.
 *
 * @param host the IP literal to bind; the signaling URI and the server certificate use it
 *     (default {@value #DEFAULT_HOST})
 * @param port the TCP port, 0 for an ephemeral one (default {@value #DEFAULT_PORT})
 * @param reportHistoryPerDevice how many discovery reports are kept per device, newest first
 *     (default {@value #DEFAULT_REPORT_HISTORY})
 * @param activationRateLimit the token bucket per client address on activations and pairings
 *     (default {@link RateLimitConfig#defaults()})
 * @param eventChannelHost the IP literal the event channel's secure WebSocket server binds
 *     (docs/signaling.md); in a file whose signaling port is 443, default {@value
 *     #DEFAULT_EVENT_CHANNEL_HOST}, a second loopback address so that both servers get port 443
 *     (R2); otherwise {@code host}
 * @param eventChannelPort its TCP port, 0 for an ephemeral one; in a file whose signaling port is
 *     443, default {@value #DEFAULT_PORT}; otherwise 0
 */
public record SignalingConfig(
        String host,
        int port,
        int reportHistoryPerDevice,
        RateLimitConfig activationRateLimit,
        String eventChannelHost,
        int eventChannelPort) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 443;
    public static final int DEFAULT_REPORT_HISTORY = 10;
    public static final String DEFAULT_EVENT_CHANNEL_HOST = "127.0.0.2";

    public SignalingConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(activationRateLimit, "activationRateLimit");
        Objects.requireNonNull(eventChannelHost, "eventChannelHost");
    }

    /** With the event channel on {@code host} and an ephemeral port: the shape tests use. */
    public SignalingConfig(String host, int port, int reportHistoryPerDevice, RateLimitConfig activationRateLimit) {
        this(host, port, reportHistoryPerDevice, activationRateLimit, host, 0);
    }

    /** With the default activation rate limit, and the event channel on an ephemeral port of {@code host}. */
    public SignalingConfig(String host, int port, int reportHistoryPerDevice) {
        this(host, port, reportHistoryPerDevice, RateLimitConfig.defaults());
    }

    /** Signaling and the event channel on 127.0.0.1 with ephemeral ports: what tests use. */
    public static SignalingConfig loopbackEphemeral() {
        return new SignalingConfig(DEFAULT_HOST, 0, DEFAULT_REPORT_HISTORY);
    }

    /** This configuration with another activation rate limit. */
    public SignalingConfig withActivationRateLimit(RateLimitConfig replacement) {
        return new SignalingConfig(host, port, reportHistoryPerDevice, replacement, eventChannelHost, eventChannelPort);
    }

    /** This configuration with the event channel on {@code newHost}:{@code newPort}. */
    public SignalingConfig withEventChannel(String newHost, int newPort) {
        return new SignalingConfig(host, port, reportHistoryPerDevice, activationRateLimit, newHost, newPort);
    }
}
