package com.roomagent.agent.discovery;

import com.roomagent.protocol.discovery.DiscoveryReport;
import com.roomagent.protocol.discovery.MediaNode;
import com.roomagent.protocol.discovery.PairResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Media node discovery as the daemon and the CLI use it (R6 to R9): fetch the node list, probe
 * every node over every transport, keep the report in the cache and send it to the cloud.
 *
 * <p>{@link #discover} runs one probe on the calling thread. {@link #start} makes the service probe
 * on its own: when the cached report expires (trigger {@value #TRIGGER_EXPIRY}), when the network
 * changes ({@value #TRIGGER_NETWORK_CHANGE}), and again after {@link
 * DiscoveryScheduling#failureRetryDelay()} when such a probe failed. Never are two probes under way
 * at once: {@link #discover} takes a lock, and requests that arrive while a scheduled probe waits to
 * start are merged into it. A request during a running probe queues one more, since the network may
 * have changed under the running one.
 *
 * <p>Threading and ownership: scheduled probes and network polls run on the scheduler given to
 * {@link #start}, which the caller owns and shuts down. {@link #close()} cancels what this service
 * scheduled; a probe under way finishes within its deadline. The HTTP clients are the caller's too.
 */
public final class DiscoveryService implements AutoCloseable {
    /** The first probe, at registration (R9). */
    public static final String TRIGGER_BOOT = "boot";
    /** The cached report expired (R9). */
    public static final String TRIGGER_EXPIRY = "expiry";
    /** The interfaces, addresses or default route changed (R9). */
    public static final String TRIGGER_NETWORK_CHANGE = "network-change";
    /** Someone asked: the CLI, an installer. */
    public static final String TRIGGER_MANUAL = "manual";

    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryService.class);

    private final NodeListClient nodeLists;
    private final MediaNodeProber prober;
    private final DiscoveryReportClient reports;
    private final DiscoveryCache cache;
    private final Clock clock;
    private final Ticker ticker;
    private final String deviceId;
    private final ReentrantLock probeLock = new ReentrantLock();
    /** The trigger of a scheduled probe that has not started yet, or null. */
    private final AtomicReference<String> queuedTrigger = new AtomicReference<>();

    private final Object lifecycle = new Object();
    private ScheduledExecutorService scheduler;
    private DiscoveryScheduling scheduling;
    private NetworkChangeMonitor monitor;
    private final List<Runnable> networkChangeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private ScheduledFuture<?> expiryTask;
    private ScheduledFuture<?> retryTask;
    private boolean closed;

    private volatile List<MediaNode> lastNodes = List.of();
    private final List<Consumer<DiscoveryReport>> reportListeners = new CopyOnWriteArrayList<>();

    /**
     * @param clock for the reports' start time and the cache's expiry
     * @param ticker for the duration of a probe, which a wall-clock step must not distort
     * @param deviceId the device's identity in reports
     */
    public DiscoveryService(
            NodeListClient nodeLists,
            MediaNodeProber prober,
            DiscoveryReportClient reports,
            DiscoveryCache cache,
            Clock clock,
            Ticker ticker,
            String deviceId) {
        this.nodeLists = Objects.requireNonNull(nodeLists, "nodeLists");
        this.prober = Objects.requireNonNull(prober, "prober");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
    }

    /** As the full constructor, measuring durations with {@link Ticker#system()}. */
    public DiscoveryService(
            NodeListClient nodeLists,
            MediaNodeProber prober,
            DiscoveryReportClient reports,
            DiscoveryCache cache,
            Clock clock,
            String deviceId) {
        this(nodeLists, prober, reports, cache, clock, Ticker.system(), deviceId);
    }

    /**
     * Probes now, on the calling thread, waiting first for a probe under way to finish. Stores the
     * report in the cache and sends it to the cloud; a report that cannot be sent is still stored
     * and returned (it is valid locally), and a warning is logged.
     *
     * @param trigger why: one of the {@code TRIGGER_} constants
     * @throws CloudRequestException when the node list cannot be fetched; the cache is unchanged
     * @throws InterruptedException when interrupted while waiting for the lock or the probe
     */
    public DiscoveryReport discover(String trigger) throws CloudRequestException, InterruptedException {
        Objects.requireNonNull(trigger, "trigger");
        probeLock.lockInterruptibly();
        try {
            Instant startedAt = clock.instant();
            long start = ticker.nanos();
            List<MediaNode> nodes = nodeLists.fetch().nodes();
            lastNodes = nodes;
            List<PairResult> results = prober.probeAll(nodes);
            long durationMillis = TimeUnit.NANOSECONDS.toMillis(ticker.nanos() - start);
            DiscoveryReport report = new DiscoveryReport(deviceId, startedAt, durationMillis, trigger, results);
            cache.put(report);
            rescheduleExpiry();
            boolean sent = send(report);
            reportListeners.forEach(listener -> listener.accept(report));
            LOG.info(
                    "event=discovery-complete trigger={} nodes={} pairs={} reachable_pairs={} reachable_nodes={}"
                            + " duration_ms={} report_sent={}",
                    trigger,
                    nodes.size(),
                    results.size(),
                    results.stream().filter(PairResult::reachable).count(),
                    results.stream()
                            .filter(PairResult::reachable)
                            .map(PairResult::nodeId)
                            .distinct()
                            .count(),
                    durationMillis,
                    sent);
            return report;
        } finally {
            probeLock.unlock();
        }
    }

    private boolean send(DiscoveryReport report) {
        try {
            reports.send(report);
            return true;
        } catch (CloudRequestException e) {
            if (e.step() == CloudRequestException.Step.INTERRUPTED && isClosed()) {
                return false; // stopped by close(): not a failure
            }
            LOG.warn(
                    "event=discovery-report-not-sent trigger={} step={} error=\"{}\"",
                    report.trigger(),
                    e.step().label(),
                    e.getMessage());
            return false;
        }
    }

    /**
     * Tells {@code listener} of every new report, on the thread that probed (the scheduler's, or
     * the caller of {@link #discover}), after it is cached and sent. It must return quickly and not
     * throw.
     */
    public void addReportListener(Consumer<DiscoveryReport> listener) {
        reportListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** The latest report while fresh (R9); empty before the first probe and after expiry. */
    public Optional<DiscoveryReport> current() {
        return cache.current();
    }

    /** The nodes of the last node list fetched, for showing kinds and regions next to a report. */
    public List<MediaNode> lastNodes() {
        return lastNodes;
    }

    /** Starts scheduled probing with the system's network state and the default scheduling. */
    public void start(ScheduledExecutorService scheduler) {
        start(scheduler, new RealNetworkStateSource(), DiscoveryScheduling.defaults());
    }

    /**
     * Starts scheduled probing: on expiry of the cached report and on network changes read from
     * {@code network}. Does not probe by itself; the daemon calls {@link #requestDiscovery} with
     * {@value #TRIGGER_BOOT} at registration, which also retries if the cloud is not reachable yet.
     *
     * @throws IllegalStateException when already started or closed
     */
    public void start(ScheduledExecutorService scheduler, NetworkStateSource network, DiscoveryScheduling scheduling) {
        Objects.requireNonNull(scheduler, "scheduler");
        synchronized (lifecycle) {
            if (closed || this.scheduler != null) {
                throw new IllegalStateException("a discovery service starts once, and not after close");
            }
            this.scheduler = scheduler;
            this.scheduling = Objects.requireNonNull(scheduling, "scheduling");
            monitor = new NetworkChangeMonitor(network, scheduling.networkPollInterval(), (before, after) -> {
                networkChangeListeners.forEach(Runnable::run);
                requestDiscovery(TRIGGER_NETWORK_CHANGE);
            });
            monitor.start(scheduler);
        }
        rescheduleExpiry();
    }

    /**
     * Runs {@code listener} on the scheduler's thread when the network changes, before the probe
     * that the change asks for: the PAC proxy selector forgets its PAC file there, so that the new
     * network's is fetched (docs/proxy.md). Call before {@link #start}.
     */
    public void onNetworkChange(Runnable listener) {
        networkChangeListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Asks for a probe on the scheduler, without waiting for it. Merged into a probe that is queued
     * and not started yet; ignored after {@link #close()}.
     *
     * @throws IllegalStateException when the service was not started
     */
    public void requestDiscovery(String trigger) {
        Objects.requireNonNull(trigger, "trigger");
        ScheduledExecutorService executor;
        synchronized (lifecycle) {
            if (scheduler == null) {
                throw new IllegalStateException("requestDiscovery needs start() first");
            }
            if (closed) {
                return;
            }
            executor = scheduler;
        }
        if (queuedTrigger.compareAndSet(null, trigger)) {
            executor.execute(this::runQueued);
        } else {
            LOG.info("event=discovery-coalesced trigger={} queued_trigger={}", trigger, queuedTrigger.get());
        }
    }

    /** A scheduled probe: the top of the scheduler thread's work, so nothing may escape. */
    private void runQueued() {
        String trigger = queuedTrigger.getAndSet(null);
        if (trigger == null || isClosed()) {
            return;
        }
        try {
            discover(trigger);
        } catch (CloudRequestException e) {
            if (e.step() == CloudRequestException.Step.INTERRUPTED && isClosed()) {
                return; // stopped by close(): not a failure
            }
            LOG.warn(
                    "event=discovery-failed trigger={} step={} error=\"{}\"",
                    trigger,
                    e.step().label(),
                    e.getMessage());
            scheduleRetry(trigger);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("event=discovery-failed trigger={} error=\"{}\"", trigger, e.toString(), e);
            scheduleRetry(trigger);
        }
    }

    private void scheduleRetry(String trigger) {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            Duration delay = scheduling.failureRetryDelay();
            LOG.info("event=discovery-retry-scheduled trigger={} delay_ms={}", trigger, delay.toMillis());
            retryTask = scheduler.schedule(() -> requestDiscovery(trigger), delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** Schedules the next expiry probe for the cached report, replacing the previous one. */
    private void rescheduleExpiry() {
        Optional<Instant> expiresAt = cache.expiresAt();
        synchronized (lifecycle) {
            if (scheduler == null || closed || expiresAt.isEmpty()) {
                return;
            }
            if (expiryTask != null) {
                expiryTask.cancel(false);
            }
            Duration delay = Duration.between(clock.instant(), expiresAt.get());
            long nanos = Math.max(0, delay.toNanos());
            expiryTask = scheduler.schedule(() -> requestDiscovery(TRIGGER_EXPIRY), nanos, TimeUnit.NANOSECONDS);
            LOG.debug("event=discovery-expiry-scheduled expires_at={} delay_ms={}", expiresAt.get(), nanos / 1_000_000);
        }
    }

    private boolean isClosed() {
        synchronized (lifecycle) {
            return closed;
        }
    }

    /** Stops scheduled probing and network polling. Idempotent; does not shut the scheduler down. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            if (monitor != null) {
                monitor.close();
            }
            if (expiryTask != null) {
                expiryTask.cancel(false);
            }
            if (retryTask != null) {
                retryTask.cancel(false);
            }
        }
        LOG.info("event=discovery-service-closed");
    }
}
