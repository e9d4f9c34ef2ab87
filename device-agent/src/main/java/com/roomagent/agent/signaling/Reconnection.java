package com.roomagent.agent.signaling;

import com.roomagent.agent.provisioning.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Random;

/**
 * When to try registering or reconnecting again (docs/signaling.md, "Reconnection"): exponential
 * backoff with full jitter ({@link Backoff}) over consecutive failures, reset by a welcomed channel;
 * a refused certificate waits the longest backoff at once. Pure: time and randomness come in. Not
 * thread-safe; the signaling thread owns it.
 */
public final class Reconnection {
    private final Backoff backoff;
    private final Random random;
    private int failures;

    public Reconnection(Backoff backoff, Random random) {
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A channel was welcomed: the next failure starts from the shortest wait again. */
    public void connected() {
        failures = 0;
    }

    /** Consecutive failures since the last welcomed channel. */
    public int failures() {
        return failures;
    }

    /** An attempt or a channel failed at {@code now} for {@code cause}: the state to show. */
    public SignalingState.Reconnecting failed(String cause, Instant now) {
        Duration wait = backoff.delay(failures, random);
        failures++;
        return new SignalingState.Reconnecting(cause, now.plus(wait), failures);
    }

    /** The cloud refused the device at {@code now}: wait the longest backoff, drawn with jitter. */
    public SignalingState.Failed refused(String reason, Instant now) {
        failures++;
        Duration wait = backoff.delay(Integer.MAX_VALUE / 2, random);
        return new SignalingState.Failed(reason, now.plus(wait));
    }
}
