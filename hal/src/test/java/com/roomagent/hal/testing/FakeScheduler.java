package com.roomagent.hal.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler on virtual time: nothing runs until the test calls {@link #advanceBy} or {@link
 * #runDueTasks}, and then due tasks run on the test's thread, in time order, with the {@link
 * MutableClock} moved to each task's time first. Not thread-safe: one test thread drives it.
 */
public final class FakeScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private final MutableClock clock;
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private long nowNanos;
    private long sequence;
    private boolean shutdown;

    public FakeScheduler(MutableClock clock) {
        this.clock = clock;
    }

    /** Runs every task due now, including those they schedule for now. */
    public void runDueTasks() {
        advanceBy(Duration.ZERO);
    }

    /** Moves time forward by {@code duration}, running each task as its time comes. */
    public void advanceBy(Duration duration) {
        long target = nowNanos + duration.toNanos();
        while (!queue.isEmpty() && queue.peek().timeNanos <= target) {
            Task task = queue.poll();
            if (task.cancelled) {
                continue;
            }
            clock.advance(Duration.ofNanos(task.timeNanos - nowNanos));
            nowNanos = task.timeNanos;
            task.run();
        }
        clock.advance(Duration.ofNanos(target - nowNanos));
        nowNanos = target;
    }

    /** Tasks waiting, cancelled ones excluded. */
    public int pendingTasks() {
        return (int) queue.stream().filter(task -> !task.cancelled).count();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return enqueue(Executors.callable(command), unit.toNanos(delay), 0);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("the HAL schedules runnables only");
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return enqueue(Executors.callable(command), unit.toNanos(initialDelay), unit.toNanos(period));
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return enqueue(Executors.callable(command), unit.toNanos(initialDelay), unit.toNanos(delay));
    }

    @Override
    public void execute(Runnable command) {
        enqueue(Executors.callable(command), 0, 0);
    }

    private Task enqueue(Callable<?> body, long delayNanos, long periodNanos) {
        if (shutdown) {
            throw new IllegalStateException("fake scheduler is shut down");
        }
        Task task = new Task(body, nowNanos + Math.max(0, delayNanos), periodNanos, sequence++);
        queue.add(task);
        return task;
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> pending = new ArrayList<>(queue);
        queue.clear();
        return pending;
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return shutdown;
    }

    /** A scheduled task; its result is not kept, as no HAL code reads one. */
    private final class Task implements ScheduledFuture<Object>, Runnable {
        private final Callable<?> body;
        private final long periodNanos;
        private final long order;
        private long timeNanos;
        private boolean cancelled;
        private boolean done;

        Task(Callable<?> body, long timeNanos, long periodNanos, long order) {
            this.body = body;
            this.timeNanos = timeNanos;
            this.periodNanos = periodNanos;
            this.order = order;
        }

        @Override
        public void run() {
            try {
                body.call();
            } catch (Exception e) {
                throw new AssertionError("a scheduled task threw; HAL tasks must not", e);
            }
            if (periodNanos > 0 && !cancelled) {
                timeNanos = nowNanos + periodNanos;
                queue.add(this);
            } else {
                done = true;
            }
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(timeNanos - nowNanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            Task that = (Task) other;
            int byTime = Long.compare(timeNanos, that.timeNanos);
            return byTime != 0 ? byTime : Long.compare(order, that.order);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (done) {
                return false;
            }
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }

        @Override
        public Object get() {
            throw new UnsupportedOperationException("the HAL never waits on a scheduled task");
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            throw new UnsupportedOperationException("the HAL never waits on a scheduled task");
        }
    }
}
