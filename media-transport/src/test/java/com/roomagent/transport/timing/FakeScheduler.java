package com.roomagent.transport.timing;

import java.time.Duration;
import java.util.PriorityQueue;

/**
 * A {@link Scheduler} on virtual time: nothing runs until the test advances the clock, and then
 * tasks run on the test's thread in deadline order (first scheduled first among equals).
 */
public final class FakeScheduler implements Scheduler {
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private long now = 1_000_000_000L;
    private long sequence;
    private long begun = now;

    private final class Task implements Comparable<Task>, Cancellable {
        final long at;
        final long order;
        final Runnable runnable;
        boolean cancelled;

        Task(long at, Runnable runnable) {
            this.at = at;
            this.order = sequence++;
            this.runnable = runnable;
        }

        @Override
        public int compareTo(Task other) {
            int byTime = Long.compare(at, other.at);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Task scheduled = new Task(now + Math.max(0, delay.toNanos()), task);
        queue.add(scheduled);
        return scheduled;
    }

    /** Runs everything due now, including tasks those tasks schedule for now. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** Moves the clock forward by {@code step}, running every task that falls due on the way. */
    public void advance(Duration step) {
        long until = now + step.toNanos();
        while (true) {
            Task next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.at > until) {
                    break;
                }
                queue.poll();
            }
            if (!next.cancelled) {
                now = Math.max(now, next.at);
                next.runnable.run();
            }
        }
        now = until;
    }

    /** Advances to {@code millis} after this scheduler was created (or last {@link #markStart()}). */
    public void advanceTo(long millis) {
        advance(Duration.ofNanos(begun + millis * 1_000_000L - now));
    }

    /** Makes the current instant zero for {@link #advanceTo} and {@link #elapsedMillis}. */
    public void markStart() {
        begun = now;
    }

    public long elapsedMillis() {
        return (now - begun) / 1_000_000L;
    }
}
