package com.roomagent.emulator.threads;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names every thread of one concern ({@code signaling-http-1}, {@code node-eu-1-tcp-conn-3}), so a
 * thread dump or a log line says who owns it. Threads are daemons: an emulator embedded in a test
 * never keeps the JVM alive; the owner still stops them in {@code close()}.
 */
public final class NamedThreadFactory implements ThreadFactory {
    private static final Logger log = LoggerFactory.getLogger(NamedThreadFactory.class);

    private final String prefix;
    private final AtomicInteger next = new AtomicInteger(1);

    public NamedThreadFactory(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, prefix + "-" + next.getAndIncrement());
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler(
                (t, e) -> log.error("thread.crashed thread={} error={}", t.getName(), e.toString(), e));
        return thread;
    }

    /** Starts {@code task} on a single daemon thread named exactly {@code name}. */
    public static Thread start(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler(
                (t, e) -> log.error("thread.crashed thread={} error={}", t.getName(), e.toString(), e));
        thread.start();
        return thread;
    }
}
