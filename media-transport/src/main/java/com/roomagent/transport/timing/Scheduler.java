package com.roomagent.transport.timing;

import java.time.Duration;

/**
 * Time and timers for the media path's state machines (the transport race, keepalives), so that
 * tests drive them on virtual time. Implementations run tasks one at a time, in deadline order,
 * on one thread: a state machine that touches its state only from tasks needs no locks.
 */
public interface Scheduler {

    /** A monotonic reading in nanoseconds; only differences mean anything. */
    long nanoTime();

    /**
     * Runs {@code task} once after {@code delay} (zero: as soon as possible, after tasks already
     * due). A task that throws is logged by the scheduler and does not stop later tasks.
     */
    Cancellable schedule(Duration delay, Runnable task);

    /** Runs {@code task} as soon as possible on the scheduler's thread. */
    default void execute(Runnable task) {
        schedule(Duration.ZERO, task);
    }

    /** A scheduled task that can still be called off. */
    @FunctionalInterface
    interface Cancellable {
        /** Stops the task from running if it has not started; idempotent. */
        void cancel();
    }
}
