package com.roomagent.agent.discovery;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells its listener when the network changes, so discovery can probe again (R9).
 *
 * <p>It polls: Java has no access to netlink, the kernel's change notifications, and a poll of a
 * few interfaces and two small /proc files every few seconds costs next to nothing. The first
 * reading is the baseline and fires nothing; every later reading that differs from the previous
 * one fires {@link Listener#networkChanged} once. A reading that fails is logged and skipped, and
 * the previous fingerprint stays the baseline.
 *
 * <p>Threading: polls run on the scheduler passed to {@link #start}, one at a time (fixed delay),
 * and the listener is called on that thread. The scheduler belongs to the caller; {@link #close()}
 * only cancels this monitor's task.
 */
public final class NetworkChangeMonitor implements AutoCloseable {
    /** The poll interval when none is configured. */
    public static final Duration DEFAULT_NETWORK_POLL_INTERVAL = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(NetworkChangeMonitor.class);

    /** Receives changes; called on the scheduler's thread. */
    @FunctionalInterface
    public interface Listener {
        void networkChanged(NetworkFingerprint before, NetworkFingerprint after);
    }

    private final NetworkStateSource source;
    private final Duration networkPollInterval;
    private final Listener listener;
    private final Object lifecycle = new Object();
    private ScheduledFuture<?> task;
    private boolean closed;
    /** Written and read only by polls, which never overlap. */
    private volatile NetworkFingerprint previous;

    /**
     * @param networkPollInterval time between two readings; positive
     */
    public NetworkChangeMonitor(NetworkStateSource source, Duration networkPollInterval, Listener listener) {
        this.source = Objects.requireNonNull(source, "source");
        this.listener = Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(networkPollInterval, "networkPollInterval");
        if (networkPollInterval.isNegative() || networkPollInterval.isZero()) {
            throw new IllegalArgumentException("networkPollInterval must be positive, was " + networkPollInterval);
        }
        this.networkPollInterval = networkPollInterval;
    }

    /**
     * Takes the baseline reading now and polls every {@code networkPollInterval} after that.
     *
     * @throws IllegalStateException when already started or closed
     */
    public void start(ScheduledExecutorService scheduler) {
        synchronized (lifecycle) {
            if (closed || task != null) {
                throw new IllegalStateException("a network change monitor starts once, and not after close");
            }
            long nanos = networkPollInterval.toNanos();
            task = scheduler.scheduleWithFixedDelay(this::pollSafely, 0, nanos, TimeUnit.NANOSECONDS);
        }
        LOG.info("event=network-monitor-started poll_interval_ms={}", networkPollInterval.toMillis());
    }

    /** The fingerprint of the last successful reading, if any. */
    public Optional<NetworkFingerprint> lastFingerprint() {
        return Optional.ofNullable(previous);
    }

    /** One reading: compares with the previous one and tells the listener when they differ. */
    void poll() {
        NetworkFingerprint current;
        try {
            current = source.read();
        } catch (IOException e) {
            LOG.warn("event=network-state-unreadable error=\"{}\"", e.getMessage());
            return;
        }
        NetworkFingerprint before = previous;
        previous = current;
        if (before == null) {
            LOG.info("event=network-baseline {}", current.summary());
        } else if (!before.equals(current)) {
            LOG.info("event=network-changed before=\"{}\" after=\"{}\"", before.summary(), current.summary());
            listener.networkChanged(before, current);
        }
    }

    /**
     * The scheduled task: a scheduled task that throws is never run again, so nothing may escape
     * (the top of this thread's work).
     */
    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.error("event=network-monitor-poll-failed error=\"{}\"", e.toString(), e);
        }
    }

    /** Stops polling; a poll already running finishes. Idempotent. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            closed = true;
            if (task != null) {
                task.cancel(false);
            }
        }
    }
}
