package com.roomagent.agent.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.agent.discovery.internal.PairProber;
import com.roomagent.agent.discovery.internal.ProbeTarget;
import com.roomagent.protocol.discovery.MediaNode;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.discovery.NodeKind;
import com.roomagent.protocol.discovery.PairResult;
import com.roomagent.protocol.discovery.ProbeFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The prober's scheduling, deadline and ordering, with fake pair probers (no sockets). */
@Timeout(30)
class MediaNodeProberTest {
    /** Pair timeouts of 10 to 30 ms, so the deadline is about one second (the margin). */
    private static final ProbeSettings TINY = ProbeSettings.defaults().toBuilder()
            .udpInitialRto(Duration.ofMillis(10))
            .udpMaxTransmissions(1)
            .udpFinalWaitMultiplier(1)
            .connectTimeout(Duration.ofMillis(10))
            .tlsHandshakeTimeout(Duration.ofMillis(10))
            .streamResponseTimeout(Duration.ofMillis(10))
            .samplesPerPair(1)
            .build();

    @Test
    void transportsANodeDoesNotOfferAreNotOfferedWithoutAnyProbe() throws Exception {
        ConcurrentLinkedQueue<ProbeTarget> probed = new ConcurrentLinkedQueue<>();
        MediaNodeProber prober = new MediaNodeProber(TINY, every(target -> {
            probed.add(target);
            return reachable(target);
        }));
        MediaNode udpOnly = node("udp-only", Map.of(MediaTransport.UDP, 5004));

        List<PairResult> results = prober.probeAll(List.of(udpOnly));

        assertEquals(1, probed.size());
        assertEquals(4, results.size());
        assertTrue(results.get(0).reachable());
        for (PairResult result : results.subList(1, 4)) {
            assertEquals(ProbeFailure.NOT_OFFERED, result.failure());
            assertEquals(0, result.samplesSent());
        }
    }

    @Test
    void aPortOutsideTheValidRangeCostsThatPairOnly() throws Exception {
        MediaNodeProber prober = new MediaNodeProber(TINY, every(MediaNodeProberTest::reachable));
        MediaNode broken = node("broken", Map.of(MediaTransport.UDP, 5004, MediaTransport.TCP, 70_000));

        List<PairResult> results = prober.probeAll(List.of(broken));

        assertTrue(results.get(0).reachable());
        assertEquals(ProbeFailure.NOT_OFFERED, results.get(1).failure());
        assertEquals(
                "the node list gives tcp port 70000, which is not 1 to 65535",
                results.get(1).detail());
    }

    @Test
    void everyPairRunsAtTheSameTime() throws Exception {
        List<MediaNode> nodes = nodes(20);
        // Each pair waits until all 80 have started: this completes only if they run in parallel.
        CountDownLatch allStarted = new CountDownLatch(80);
        MediaNodeProber prober = new MediaNodeProber(TINY, every(target -> {
            allStarted.countDown();
            try {
                if (!allStarted.await(5, TimeUnit.SECONDS)) {
                    return unreachable(target, "pairs did not run in parallel");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return reachable(target);
        }));

        List<PairResult> results = prober.probeAll(nodes);

        assertEquals(80, results.size());
        assertTrue(results.stream().allMatch(PairResult::reachable), results::toString);
    }

    @Test
    void resultsFollowNodeOrderThenTransportPreferenceWhateverTheFinishingOrder() throws Exception {
        List<MediaNode> nodes = nodes(3);
        CountDownLatch lastPairDone = new CountDownLatch(1);
        MediaNodeProber prober = new MediaNodeProber(TINY, every(target -> {
            boolean first = target.nodeId().equals("node-0") && target.transport() == MediaTransport.UDP;
            boolean last = target.nodeId().equals("node-2") && target.transport() == MediaTransport.UDP_LAST_RESORT;
            if (first) {
                try {
                    lastPairDone.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            PairResult result = reachable(target);
            if (last) {
                lastPairDone.countDown();
            }
            return result;
        }));

        List<PairResult> results = prober.probeAll(nodes);

        List<String> order = new ArrayList<>();
        results.forEach(
                result -> order.add(result.nodeId() + "/" + result.transport().id()));
        List<String> expected = new ArrayList<>();
        for (MediaNode node : nodes) {
            for (MediaTransport transport : MediaTransport.values()) {
                expected.add(node.id() + "/" + transport.id());
            }
        }
        assertEquals(expected, order);
    }

    @Test
    void aPairStillRunningAtTheDeadlineIsReportedAsATimeout() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        Map<MediaTransport.Protocol, PairProber> probers = new EnumMap<>(MediaTransport.Protocol.class);
        probers.put(MediaTransport.Protocol.UDP, MediaNodeProberTest::reachable);
        probers.put(MediaTransport.Protocol.TCP, MediaNodeProberTest::reachable);
        probers.put(MediaTransport.Protocol.TLS, target -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return reachable(target);
        });
        MediaNodeProber prober = new MediaNodeProber(TINY, probers);
        List<MediaNode> nodes = nodes(1);
        Duration deadline = prober.deadline(nodes);
        long start = System.nanoTime();

        List<PairResult> results = prober.probeAll(nodes);

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(Duration.ofMillis(30).plus(MediaNodeProber.DEADLINE_MARGIN), deadline);
        assertTrue(took.compareTo(deadline) >= 0 && took.compareTo(deadline.plusSeconds(1)) < 0, "took " + took);
        PairResult tls = results.get(MediaTransport.TLS.ordinal());
        assertEquals(ProbeFailure.TIMEOUT, tls.failure());
        assertEquals("still running when the discovery deadline of 1 s passed", tls.detail());
        assertTrue(results.get(MediaTransport.UDP.ordinal()).reachable());
    }

    @Test
    void aProberBugBecomesAnIoErrorForThatPairOnly() throws Exception {
        MediaNodeProber prober = new MediaNodeProber(TINY, every(target -> {
            if (target.transport() == MediaTransport.TCP) {
                throw new IllegalStateException("boom");
            }
            return reachable(target);
        }));

        List<PairResult> results = prober.probeAll(nodes(1));

        assertEquals(ProbeFailure.IO_ERROR, results.get(1).failure());
        assertEquals(
                "prober failed: java.lang.IllegalStateException: boom",
                results.get(1).detail());
        assertTrue(results.get(0).reachable());
    }

    @Test
    void noNodesMeansNoResultsAndNoThreads() throws Exception {
        MediaNodeProber prober = new MediaNodeProber(TINY, every(MediaNodeProberTest::reachable));

        assertEquals(List.of(), prober.probeAll(List.of()));
        assertEquals(Duration.ZERO, prober.deadline(List.of()));
    }

    private static Map<MediaTransport.Protocol, PairProber> every(PairProber prober) {
        Map<MediaTransport.Protocol, PairProber> probers = new EnumMap<>(MediaTransport.Protocol.class);
        for (MediaTransport.Protocol protocol : MediaTransport.Protocol.values()) {
            probers.put(protocol, prober);
        }
        return probers;
    }

    private static List<MediaNode> nodes(int count) {
        List<MediaNode> nodes = new ArrayList<>();
        Map<MediaTransport, Integer> ports = new EnumMap<>(MediaTransport.class);
        for (MediaTransport transport : MediaTransport.values()) {
            ports.put(transport, transport.defaultPort());
        }
        for (int i = 0; i < count; i++) {
            nodes.add(node("node-" + i, ports));
        }
        return nodes;
    }

    private static MediaNode node(String id, Map<MediaTransport, Integer> ports) {
        return new MediaNode(id, NodeKind.CLOUD, "test", "192.0.2.1", ports);
    }

    static PairResult reachable(ProbeTarget target) {
        return new PairResult(
                target.nodeId(),
                target.transport(),
                target.hostPort(),
                true,
                1.0,
                List.of(1.0),
                1,
                "192.0.2.9:1",
                null,
                null);
    }

    private static PairResult unreachable(ProbeTarget target, String detail) {
        return new PairResult(
                target.nodeId(),
                target.transport(),
                target.hostPort(),
                false,
                null,
                List.of(),
                1,
                null,
                ProbeFailure.IO_ERROR,
                detail);
    }
}
