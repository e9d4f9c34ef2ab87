package com.roomagent.agent.control;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds of the control server, so a stuck or hostile local client cannot tie it up.
 *
 * @param maxRequestBytes the longest request line accepted; longer ones are refused
 * @param readTimeout time allowed for a client to send its request line once connected
 * @param writeTimeout time allowed for a client to take the answer
 * @param handlerThreads requests handled at once
 * @param queuedRequests requests waiting for a handler beyond those; more are answered {@code busy}
 */
public record ControlLimits(
        int maxRequestBytes, Duration readTimeout, Duration writeTimeout, int handlerThreads, int queuedRequests) {
    /** 4 KiB requests, 5 s to send one and to take the answer, two handlers and four waiting. */
    public static final ControlLimits DEFAULT =
            new ControlLimits(4096, Duration.ofSeconds(5), Duration.ofSeconds(5), 2, 4);

    public ControlLimits {
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
        if (maxRequestBytes < 64 || handlerThreads < 1 || queuedRequests < 0) {
            throw new IllegalArgumentException("control limits too small: " + maxRequestBytes + " bytes, "
                    + handlerThreads + " handlers, " + queuedRequests + " queued");
        }
    }
}
