package com.roomagent.agent.discovery;

import java.time.Duration;
import java.util.Objects;

/**
 * When {@link DiscoveryService} probes on its own, besides expiry (R9).
 *
 * @param networkPollInterval how often the network is checked for a change that calls for a new
 *     probe; default 5 s (see {@link NetworkChangeMonitor} for why it polls)
 * @param failureRetryDelay after a scheduled probe failed (the node list could not be fetched), the
 *     wait before it is tried again; default 60 s, long enough not to hammer a cloud that is down,
 *     short enough that the agent has results soon after it comes back
 */
public record DiscoveryScheduling(Duration networkPollInterval, Duration failureRetryDelay) {
    public DiscoveryScheduling {
        requirePositive("networkPollInterval", networkPollInterval);
        requirePositive("failureRetryDelay", failureRetryDelay);
    }

    public static DiscoveryScheduling defaults() {
        return new DiscoveryScheduling(NetworkChangeMonitor.DEFAULT_NETWORK_POLL_INTERVAL, Duration.ofSeconds(60));
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
