package com.roomagent.agent.discovery;

/**
 * A monotonic time source in nanoseconds, for measuring durations (round-trip times, the length of
 * a probe). Unlike a {@link java.time.Clock} it never jumps when the wall clock is set, which
 * happens on devices at boot when time sync arrives. Tests pass their own.
 */
@FunctionalInterface
public interface Ticker {
    /** Nanoseconds from an arbitrary origin; only differences between two readings mean anything. */
    long nanos();

    /** {@link System#nanoTime()}. */
    static Ticker system() {
        return System::nanoTime;
    }
}
