package com.roomagent.agent.discovery;

import com.roomagent.agent.discovery.internal.DurationText;
import com.roomagent.agent.discovery.internal.PairProber;
import com.roomagent.agent.discovery.internal.Pause;
import com.roomagent.agent.discovery.internal.ProbeTarget;
import com.roomagent.agent.discovery.internal.StreamStunProber;
import com.roomagent.agent.discovery.internal.UdpStunProber;
import com.roomagent.protocol.discovery.MediaNode;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.discovery.PairResult;
import com.roomagent.protocol.discovery.ProbeFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes every node over every transport at once (R7) and returns one {@link PairResult} per node
 * and transport, in node order and then in the transports' preference order (R12).
 *
 * <p>All pairs run in parallel, one task per pair, so a probe takes as long as its slowest pair
 * rather than the sum: a node that drops UDP costs its 7.5 s once, whatever the number of nodes. A
 * transport the node does not offer is {@link ProbeFailure#NOT_OFFERED} without any I/O. The whole
 * probe has a deadline, the longest {@link ProbeSettings#pairTimeout} of the offered transports
 * plus {@link #DEADLINE_MARGIN}; a pair still running then (a name that takes the system resolver
 * longer, say) is reported as a timeout, so the caller's wait is always bounded.
 *
 * <p>Threads: each {@link #probeAll} call creates its own pool of daemon threads named {@code
 * discovery-probe-N}, one per pair up to {@link #MAX_THREADS}, and shuts it down before returning.
 * Each task owns its socket. Beyond {@value #MAX_THREADS} pairs the tasks queue, and the deadline
 * grows by one pair timeout per wave. Safe to call from several threads, though {@link
 * DiscoveryService} never does.
 *
 * <p>Never through a proxy (R5): probes are STUN over plain UDP, TCP and TLS sockets opened
 * directly to each node ({@code Proxy.NO_PROXY}), whatever {@code network.httpProxy} says; only
 * the node list and the report, over {@link CloudHttp}, use the proxy.
 */
public final class MediaNodeProber {
    /** Most threads one probe uses: 64 nodes with four transports each run in one wave. */
    public static final int MAX_THREADS = 256;

    /** Added to the longest pair timeout, for thread start-up and scheduling. */
    public static final Duration DEADLINE_MARGIN = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(MediaNodeProber.class);
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    private final ProbeSettings settings;
    private final Map<MediaTransport.Protocol, PairProber> probers;

    /**
     * Probes with real sockets.
     *
     * @param tls the trust for the nodes' TLS port: the cloud's CA (see {@link TrustAnchors})
     */
    public MediaNodeProber(ProbeSettings settings, SSLContext tls) {
        this(settings, realProbers(settings, Objects.requireNonNull(tls, "tls")));
    }

    /** Probes with the given prober per socket protocol; tests pass fakes. */
    MediaNodeProber(ProbeSettings settings, Map<MediaTransport.Protocol, PairProber> probers) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.probers = new EnumMap<>(probers);
        for (MediaTransport.Protocol protocol : MediaTransport.Protocol.values()) {
            if (!this.probers.containsKey(protocol)) {
                throw new IllegalArgumentException("no prober for " + protocol);
            }
        }
    }

    private static Map<MediaTransport.Protocol, PairProber> realProbers(ProbeSettings settings, SSLContext tls) {
        Map<MediaTransport.Protocol, PairProber> probers = new EnumMap<>(MediaTransport.Protocol.class);
        probers.put(MediaTransport.Protocol.UDP, new UdpStunProber(settings));
        probers.put(
                MediaTransport.Protocol.TCP,
                new StreamStunProber(settings, settings.streamFraming(), null, Ticker.system(), Pause.real()));
        probers.put(
                MediaTransport.Protocol.TLS,
                new StreamStunProber(settings, settings.streamFraming(), tls, Ticker.system(), Pause.real()));
        return probers;
    }

    public ProbeSettings settings() {
        return settings;
    }

    /**
     * The longest a probe of {@code nodes} can take: the deadline {@link #probeAll} enforces.
     * Zero when no node offers any transport.
     */
    public Duration deadline(List<MediaNode> nodes) {
        return deadlineOf(targets(slots(nodes)));
    }

    /**
     * Probes every node over every transport, in parallel, within {@link #deadline}.
     *
     * @return one result per node and transport, in node order, then transport preference order
     * @throws InterruptedException when the calling thread is interrupted while waiting; the pairs
     *     still running are abandoned
     */
    public List<PairResult> probeAll(List<MediaNode> nodes) throws InterruptedException {
        List<Slot> slots = slots(nodes);
        List<ProbeTarget> targets = targets(slots);
        List<PairResult> probed = targets.isEmpty() ? List.of() : probeInParallel(targets);
        List<PairResult> results = new ArrayList<>(slots.size());
        int next = 0;
        for (Slot slot : slots) {
            results.add(slot instanceof Skip skip ? skip.result() : probed.get(next++));
        }
        return results;
    }

    /** The results of {@code targets}, in their order. */
    private List<PairResult> probeInParallel(List<ProbeTarget> targets) throws InterruptedException {
        int threads = Math.min(targets.size(), MAX_THREADS);
        Duration deadline = deadlineOf(targets);
        List<Callable<PairResult>> tasks = new ArrayList<>(targets.size());
        for (ProbeTarget target : targets) {
            PairProber prober = probers.get(target.transport().protocol());
            tasks.add(() -> prober.probe(target));
        }
        LOG.debug(
                "event=probe-started pairs={} threads={} deadline_ms={}", targets.size(), threads, deadline.toMillis());
        ExecutorService pool = Executors.newFixedThreadPool(threads, MediaNodeProber::newThread);
        try {
            List<Future<PairResult>> futures = pool.invokeAll(tasks, deadline.toNanos(), TimeUnit.NANOSECONDS);
            List<PairResult> results = new ArrayList<>(targets.size());
            for (int i = 0; i < targets.size(); i++) {
                results.add(outcome(futures.get(i), targets.get(i), deadline));
            }
            return results;
        } finally {
            // Pairs past the deadline are interrupted; their threads are daemons and close their
            // own sockets when their socket timeouts fire.
            pool.shutdownNow();
        }
    }

    private static PairResult outcome(Future<PairResult> future, ProbeTarget target, Duration deadline)
            throws InterruptedException {
        if (future.isCancelled()) {
            LOG.warn(
                    "event=pair-past-deadline node={} transport={} target={} deadline_ms={}",
                    target.nodeId(),
                    target.transport().id(),
                    target.hostPort(),
                    deadline.toMillis());
            return unreachable(
                    target,
                    ProbeFailure.TIMEOUT,
                    "still running when the discovery deadline of " + DurationText.of(deadline) + " passed");
        }
        try {
            return future.get();
        } catch (ExecutionException e) {
            // A prober's contract is to return every network failure as a result; this is a bug,
            // reported in the result rather than losing the whole probe.
            Throwable cause = e.getCause();
            LOG.error(
                    "event=prober-failed node={} transport={} error=\"{}\"",
                    target.nodeId(),
                    target.transport().id(),
                    cause,
                    cause);
            return unreachable(target, ProbeFailure.IO_ERROR, "prober failed: " + cause);
        }
    }

    private Duration deadlineOf(List<ProbeTarget> targets) {
        if (targets.isEmpty()) {
            return Duration.ZERO;
        }
        Duration longest = Duration.ZERO;
        for (ProbeTarget target : targets) {
            Duration pair = settings.pairTimeout(target.transport());
            longest = pair.compareTo(longest) > 0 ? pair : longest;
        }
        int waves = (targets.size() + MAX_THREADS - 1) / MAX_THREADS;
        return longest.multipliedBy(waves).plus(DEADLINE_MARGIN);
    }

    /** One node and transport: a target to probe, or a result without any I/O. */
    private sealed interface Slot permits Probe, Skip {}

    private record Probe(ProbeTarget target) implements Slot {}

    private record Skip(PairResult result) implements Slot {}

    /** One slot per node and transport, in node order, then transport preference order. */
    private static List<Slot> slots(List<MediaNode> nodes) {
        List<Slot> slots = new ArrayList<>();
        for (MediaNode node : nodes) {
            for (MediaTransport transport : MediaTransport.values()) {
                Optional<Integer> port = node.port(transport);
                if (port.isEmpty()) {
                    slots.add(notProbed(node, transport, "the node list offers no " + transport.id() + " port"));
                } else if (port.get() < 1 || port.get() > 65535) {
                    // A cloud bug should cost this pair, not the whole probe.
                    slots.add(notProbed(
                            node,
                            transport,
                            "the node list gives " + transport.id() + " port " + port.get()
                                    + ", which is not 1 to 65535"));
                } else {
                    slots.add(new Probe(new ProbeTarget(node.id(), transport, node.host(), port.get())));
                }
            }
        }
        return slots;
    }

    private static List<ProbeTarget> targets(List<Slot> slots) {
        return slots.stream()
                .filter(Probe.class::isInstance)
                .map(slot -> ((Probe) slot).target())
                .toList();
    }

    private static Skip notProbed(MediaNode node, MediaTransport transport, String detail) {
        return new Skip(new PairResult(
                node.id(), transport, null, false, null, List.of(), 0, null, ProbeFailure.NOT_OFFERED, detail));
    }

    private static PairResult unreachable(ProbeTarget target, ProbeFailure failure, String detail) {
        return new PairResult(
                target.nodeId(),
                target.transport(),
                target.hostPort(),
                false,
                null,
                List.of(),
                0,
                null,
                failure,
                detail);
    }

    private static Thread newThread(Runnable task) {
        Thread thread = new Thread(task, "discovery-probe-" + THREAD_NUMBER.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }
}
