package com.roomagent.transport.timing;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real {@link Scheduler}: one named daemon thread and {@link System#nanoTime()}. The owner
 * closes it, which drops tasks not yet run.
 */
public final class ExecutorScheduler implements Scheduler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorScheduler.class);

    private final ScheduledExecutorService executor;
    private final String name;

    /** @param threadName the name of its one thread, for example {@code media-race} */
    public ExecutorScheduler(String threadName) {
        this.name = threadName;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        if (executor.isShutdown()) {
            LOG.debug("event=task-dropped scheduler={} reason=closed", name);
            return () -> {};
        }
        ScheduledFuture<?> future;
        try {
            future = executor.schedule(
                    () -> {
                        try {
                            task.run();
                        } catch (RuntimeException e) {
                            LOG.error("event=task-failed scheduler={} error=\"{}\"", name, e.toString(), e);
                        }
                    },
                    Math.max(0, delay.toNanos()),
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("event=task-dropped scheduler={} reason=closed", name);
            return () -> {};
        }
        return () -> future.cancel(false);
    }

    /** Stops the thread; waits up to a second for a running task. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(1, TimeUnit.SECONDS)) {
                LOG.warn("event=scheduler-stop-slow scheduler={}", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
