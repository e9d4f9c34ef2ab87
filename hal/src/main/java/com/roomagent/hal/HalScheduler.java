package com.roomagent.hal;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HAL's one thread and its clock; closes the thread only when it made it. */
final class HalScheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HalScheduler.class);
    static final String THREAD_NAME = "room-agent-hal";

    private final ScheduledExecutorService executor;
    private final Clock clock;
    private final boolean owned;

    private HalScheduler(ScheduledExecutorService executor, Clock clock, boolean owned) {
        this.executor = executor;
        this.clock = clock;
        this.owned = owned;
    }

    static HalScheduler own(Clock clock) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        });
        return new HalScheduler(executor, clock, true);
    }

    static HalScheduler given(ScheduledExecutorService executor, Clock clock) {
        return new HalScheduler(executor, clock, false);
    }

    ScheduledExecutorService executor() {
        return executor;
    }

    Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        if (!owned) {
            return;
        }
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                log.warn("event=hal-thread-still-running after=2s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
