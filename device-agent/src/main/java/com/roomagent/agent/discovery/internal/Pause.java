package com.roomagent.agent.discovery.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits between two samples of one pair. The probers take it as a parameter so that tests can pace
 * samples without real waiting; {@link #real()} is the only place discovery blocks a thread on
 * time alone rather than on a socket.
 */
@FunctionalInterface
public interface Pause {
    void pause(Duration duration) throws InterruptedException;

    /** Blocks the calling thread for the duration. */
    static Pause real() {
        return duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());
    }
}
