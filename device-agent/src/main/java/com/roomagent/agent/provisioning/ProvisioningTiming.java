package com.roomagent.agent.provisioning;

import java.time.Duration;
import java.util.Objects;

/**
 * The waits of provisioning ({@code provisioning.*} settings).
 *
 * @param pollMaxInterval the longest wait between two polls of a pairing session
 * @param retryInitialInterval the first wait before retrying a request that failed for a reason
 *     that may pass
 * @param retryMaxInterval the longest such wait
 */
public record ProvisioningTiming(Duration pollMaxInterval, Duration retryInitialInterval, Duration retryMaxInterval) {
    public ProvisioningTiming {
        Objects.requireNonNull(pollMaxInterval, "pollMaxInterval");
        Objects.requireNonNull(retryInitialInterval, "retryInitialInterval");
        Objects.requireNonNull(retryMaxInterval, "retryMaxInterval");
    }

    /** The backoff of retries. */
    Backoff retries() {
        return new Backoff(retryInitialInterval, retryMaxInterval);
    }
}
