package com.roomagent.emulator.signaling;

import com.roomagent.protocol.discovery.DiscoveryReport;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The discovery reports devices have sent (R8), in memory: per device the newest {@code
 * historyPerDevice} reports, newest first. The signaling server writes it; tests and the demo read
 * it through this Java API.
 *
 * <p>Thread-safe: every method synchronizes on the store, and the await methods wait on it.
 */
public final class DiscoveryReportStore {
    private final int historyPerDevice;
    private final Map<String, Deque<DiscoveryReport>> reportsByDevice = new HashMap<>();
    private final Map<String, Integer> receivedByDevice = new HashMap<>();

    /**
     * @param historyPerDevice how many reports are kept per device, at least 1
     */
    public DiscoveryReportStore(int historyPerDevice) {
        if (historyPerDevice < 1) {
            throw new IllegalArgumentException("historyPerDevice must be at least 1, was " + historyPerDevice);
        }
        this.historyPerDevice = historyPerDevice;
    }

    /** Stores {@code report} as its device's latest, forgetting the oldest beyond the history. */
    public synchronized void add(DiscoveryReport report) {
        Deque<DiscoveryReport> reports = reportsByDevice.computeIfAbsent(report.deviceId(), id -> new ArrayDeque<>());
        reports.addFirst(report);
        while (reports.size() > historyPerDevice) {
            reports.removeLast();
        }
        receivedByDevice.merge(report.deviceId(), 1, Integer::sum);
        notifyAll();
    }

    /** The newest report of {@code deviceId}, or empty when it has sent none. */
    public synchronized Optional<DiscoveryReport> latest(String deviceId) {
        Deque<DiscoveryReport> reports = reportsByDevice.get(deviceId);
        return reports == null ? Optional.empty() : Optional.of(reports.getFirst());
    }

    /** The kept reports of {@code deviceId}, newest first; empty when it has sent none. */
    public synchronized List<DiscoveryReport> history(String deviceId) {
        Deque<DiscoveryReport> reports = reportsByDevice.get(deviceId);
        return reports == null ? List.of() : List.copyOf(reports);
    }

    /** How many reports {@code deviceId} has sent since start, including those no longer kept. */
    public synchronized int receivedCount(String deviceId) {
        return receivedByDevice.getOrDefault(deviceId, 0);
    }

    /** Every device that has sent a report, sorted. */
    public synchronized SortedSet<String> deviceIds() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(reportsByDevice.keySet()));
    }

    public int historyPerDevice() {
        return historyPerDevice;
    }

    /**
     * Waits until {@code deviceId} has sent at least {@code count} reports since start, at most
     * {@code timeout}: for tests whose device reports asynchronously.
     *
     * @return the newest report once the count is reached, or empty on timeout
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public synchronized Optional<DiscoveryReport> awaitReceived(String deviceId, int count, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (receivedCount(deviceId) < count) {
            long remainingNanos = deadline - System.nanoTime();
            if (remainingNanos <= 0) {
                return Optional.empty();
            }
            Duration remaining = Duration.ofNanos(remainingNanos);
            wait(Math.max(1, remaining.toMillis()));
        }
        return latest(deviceId);
    }

    /** {@link #awaitReceived} for the first report. */
    public Optional<DiscoveryReport> awaitLatest(String deviceId, Duration timeout) throws InterruptedException {
        return awaitReceived(deviceId, 1, timeout);
    }
}
