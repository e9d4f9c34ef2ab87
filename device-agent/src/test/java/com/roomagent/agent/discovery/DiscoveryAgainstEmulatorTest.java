package com.roomagent.agent.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.emulator.CloudEmulator;
import com.roomagent.emulator.config.NodeConfig;
import com.roomagent.emulator.config.TransportMode;
import com.roomagent.protocol.discovery.MediaNode;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.discovery.PairResult;
import com.roomagent.protocol.discovery.ProbeFailure;
import com.roomagent.protocol.framing.StreamFraming;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Probing the cloud emulator's media nodes over real loopback sockets. */
@Timeout(60)
class DiscoveryAgainstEmulatorTest {
    @TempDir
    Path state;

    @Test
    void eachBlockedProtocolFailsWithItsOwnReasonAndTheRestAnswer() throws Exception {
        try (CloudEmulator emulator = Emulators.start(
                state,
                Emulators.node("open", "127.0.1.1").build(),
                Emulators.node("udp-dropped", "127.0.1.2")
                        .mode(MediaTransport.UDP, TransportMode.DROP)
                        .build(),
                Emulators.node("tcp-closed", "127.0.1.3")
                        .mode(MediaTransport.TCP, TransportMode.CLOSED)
                        .build(),
                Emulators.node("tls-untrusted", "127.0.1.4")
                        .mode(MediaTransport.TLS, TransportMode.BAD_CERTIFICATE)
                        .build(),
                Emulators.node("tls-dropped", "127.0.1.5")
                        .mode(MediaTransport.TLS, TransportMode.DROP)
                        .withoutTransport(MediaTransport.UDP_LAST_RESORT)
                        .build())) {
            List<MediaNode> nodes = Emulators.nodeLists(emulator).fetch().nodes();
            MediaNodeProber prober = new MediaNodeProber(Emulators.FAST, Emulators.trust(emulator));

            List<PairResult> results = prober.probeAll(nodes);

            assertEquals(20, results.size());
            for (int i = 0; i < 4; i++) {
                assertReachable(results.get(i), "127.0.1.1");
            }
            PairResult udpDropped = results.get(4);
            assertEquals(ProbeFailure.TIMEOUT, udpDropped.failure());
            assertEquals(
                    "no answer from " + udpDropped.target() + " to 3 transmissions over 350 ms", udpDropped.detail());
            assertReachable(results.get(5), "127.0.1.2");
            PairResult tcpClosed = results.get(9);
            assertEquals(ProbeFailure.REFUSED, tcpClosed.failure());
            assertEquals("connection refused by " + tcpClosed.target(), tcpClosed.detail());
            PairResult untrusted = results.get(14);
            assertEquals(ProbeFailure.TLS_FAILURE, untrusted.failure());
            assertTrue(
                    untrusted.detail().startsWith("certificate of " + untrusted.target() + " not trusted: "),
                    untrusted.detail());
            PairResult tlsDropped = results.get(18);
            assertEquals(ProbeFailure.TIMEOUT, tlsDropped.failure());
            assertEquals("TLS handshake to " + tlsDropped.target() + " timed out after 1.5 s", tlsDropped.detail());
            assertEquals(ProbeFailure.NOT_OFFERED, results.get(19).failure());
        }
    }

    @Test
    void twentyNodesTakeAboutOneSilentTransactionNotTheSumOfThem() throws Exception {
        List<NodeConfig> configs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            NodeConfig.Builder node = Emulators.node("node-" + i, "127.0.2." + (i + 1));
            if (i % 2 == 0) {
                node.mode(MediaTransport.UDP, TransportMode.DROP);
            }
            configs.add(node.build());
        }
        // A silent UDP transaction of 1.4 s: long against the TLS handshakes of 20 nodes on a cold
        // JVM, so the bound below measures parallelism rather than CPU speed.
        ProbeSettings settings =
                Emulators.FAST.toBuilder().udpInitialRto(Duration.ofMillis(200)).build();
        try (CloudEmulator emulator = Emulators.start(state, configs.toArray(NodeConfig[]::new))) {
            List<MediaNode> nodes = Emulators.nodeLists(emulator).fetch().nodes();
            MediaNodeProber prober = new MediaNodeProber(settings, Emulators.trust(emulator));
            Duration silent = settings.udpTransactionTimeout();
            long start = System.nanoTime();

            List<PairResult> results = prober.probeAll(nodes);

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            // Ten silent UDP pairs one after the other would take 10 x 1.4 s.
            assertTrue(took.compareTo(silent) >= 0, "took " + took);
            assertTrue(took.compareTo(silent.multipliedBy(2)) < 0, "took " + took + ", pairs ran one by one");
            assertTrue(took.compareTo(prober.deadline(nodes)) < 0, "took " + took);
            assertEquals(80, results.size());
            assertEquals(
                    10,
                    results.stream()
                            .filter(r -> r.failure() == ProbeFailure.TIMEOUT)
                            .count());
            assertEquals(70, results.stream().filter(PairResult::reachable).count());
        }
    }

    @Test
    void stunProbeReachesAMediaNodesTlsPortWithRfc4571Framing() throws Exception {
        try (CloudEmulator emulator =
                Emulators.start(state, Emulators.node("open", "127.0.1.1").build())) {
            MediaNode node = emulator.nodeList().nodes().get(0);
            InetSocketAddress target = new InetSocketAddress(
                    node.host(), node.port(MediaTransport.TLS).orElseThrow());

            PairResult result = StunProbe.probe(
                    target,
                    MediaTransport.Protocol.TLS,
                    StreamFraming.RFC4571,
                    Emulators.trust(emulator),
                    Emulators.FAST);

            assertReachable(result, "127.0.1.1");
            assertEquals(target.getHostString() + ":" + target.getPort(), result.nodeId());
            assertTrue(result.detail().contains("TLS handshake"), result.detail());
        }
    }

    private static void assertReachable(PairResult result, String nodeHost) throws Exception {
        assertTrue(result.reachable(), result::toString);
        assertEquals(Emulators.FAST.samplesPerPair(), result.rttSamplesMillis().size(), result::toString);
        assertFalse(result.medianRttMillis().isNaN());
        String ours = Emulators.localAddressTowards(nodeHost);
        assertTrue(result.mappedAddress().startsWith(ours + ":"), result.mappedAddress() + " is not " + ours);
    }
}
