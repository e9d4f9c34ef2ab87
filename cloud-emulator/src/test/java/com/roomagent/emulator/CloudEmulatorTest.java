package com.roomagent.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.emulator.EmulatorStartException.Failure;
import com.roomagent.emulator.ca.CertificateAuthority;
import com.roomagent.emulator.config.EmulatorConfig;
import com.roomagent.emulator.config.NodeConfig;
import com.roomagent.emulator.config.SignalingConfig;
import com.roomagent.protocol.discovery.MediaNode;
import com.roomagent.protocol.discovery.MediaTransport;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudEmulatorTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path stateDir;

    @Test
    void closeReleasesEveryPortSoTheSamePortsBindAgain() throws Exception {
        EmulatorConfig ephemeral =
                EmulatorConfig.loopback(NodeConfig.loopback("node").build());
        EmulatorConfig samePorts;
        try (CloudEmulator first = CloudEmulator.start(ephemeral, stateDir)) {
            health(first);
            samePorts = withBoundPorts(first);
        }

        try (CloudEmulator second = CloudEmulator.start(samePorts, stateDir)) {
            assertEquals(samePorts.signaling().port(), second.signalingUri().getPort());
            assertEquals(200, health(second));
        }
    }

    @Test
    void caFilesAreReusedAcrossRestartsWithAnOwnerOnlyKey() throws Exception {
        EmulatorConfig config =
                EmulatorConfig.loopback(NodeConfig.loopback("node").build());
        byte[] firstCa;
        try (CloudEmulator first = CloudEmulator.start(config, stateDir)) {
            firstCa = Files.readAllBytes(first.caCertificate());
        }

        try (CloudEmulator second = CloudEmulator.start(config, stateDir)) {
            assertArrayEquals(firstCa, Files.readAllBytes(second.caCertificate()));
            assertEquals(stateDir.resolve("ca.pem").toAbsolutePath(), second.caCertificate());
            // The restarted server's certificate chains to the CA the device already trusts.
            assertEquals(200, health(second));
        }
        assertEquals(
                "rw-------",
                PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(stateDir.resolve(CertificateAuthority.KEY_FILE))));
        assertEquals(
                "rw-r--r--",
                PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(stateDir.resolve(CertificateAuthority.CERTIFICATE_FILE))));
    }

    @Test
    void portInUseFailsWithTheNodeTheAddressAndWhatToDo() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            NodeConfig node = NodeConfig.loopback("clashing")
                    .port(MediaTransport.UDP, taken.getLocalPort())
                    .build();

            EmulatorStartException e = assertThrows(
                    EmulatorStartException.class,
                    () -> CloudEmulator.start(EmulatorConfig.loopback(node), stateDir)
                            .close());

            assertEquals(Failure.PORT_IN_USE, e.failure());
            assertTrue(e.getMessage().contains("node clashing udp"), e.getMessage());
            assertTrue(e.getMessage().contains("127.0.0.1:" + taken.getLocalPort()), e.getMessage());
            assertTrue(e.getMessage().contains(EmulatorConfig.BUILT_IN_CODE), e.getMessage());
        }
    }

    @Test
    void invalidConfigurationFailsBeforeBindingAnything() {
        EmulatorConfig duplicate = EmulatorConfig.loopback(
                NodeConfig.loopback("twin").build(), NodeConfig.loopback("twin").build());

        EmulatorStartException e = assertThrows(
                EmulatorStartException.class,
                () -> CloudEmulator.start(duplicate, stateDir).close());

        assertEquals(Failure.INVALID_CONFIGURATION, e.failure());
        assertTrue(e.getMessage().contains("duplicate node id"), e.getMessage());
        assertTrue(Files.notExists(stateDir.resolve("ca.pem")), "nothing is created for a bad configuration");
    }

    @Test
    void closeStopsEveryThreadTheEmulatorStarted() throws Exception {
        try (CloudEmulator emulator = CloudEmulator.start(
                EmulatorConfig.loopback(NodeConfig.loopback("node").build()), stateDir)) {
            health(emulator);
        }

        assertEquals(Set.of(), emulatorThreads(), "threads left after close");
    }

    @Test
    void closeIsIdempotent() throws Exception {
        CloudEmulator emulator = CloudEmulator.start(
                EmulatorConfig.loopback(NodeConfig.loopback("node").build()), stateDir);

        emulator.close();
        emulator.close();
    }

    /** The emulator's own threads, by their names; the JDK's HTTP server threads stop with it. */
    private static Set<String> emulatorThreads() throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Set<String> alive;
        do {
            alive = Thread.getAllStackTraces().keySet().stream()
                    .filter(Thread::isAlive)
                    .map(Thread::getName)
                    .filter(name -> name.startsWith("node-") || name.startsWith("signaling-http"))
                    .collect(Collectors.toSet());
            if (alive.isEmpty()) {
                return alive;
            }
            // Threads that were told to stop may still be unwinding; wait for them, bounded.
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return alive;
    }

    private static EmulatorConfig withBoundPorts(CloudEmulator emulator) {
        List<NodeConfig> nodes = emulator.nodeList().nodes().stream()
                .map(CloudEmulatorTest::fixedPorts)
                .toList();
        SignalingConfig signaling =
                new SignalingConfig("127.0.0.1", emulator.signalingUri().getPort(), 10);
        return new EmulatorConfig(EmulatorConfig.BUILT_IN_CODE, signaling, nodes);
    }

    private static NodeConfig fixedPorts(MediaNode node) {
        NodeConfig.Builder builder = NodeConfig.builder(node.id(), node.host());
        for (Map.Entry<MediaTransport, Integer> port : node.ports().entrySet()) {
            builder.port(port.getKey(), port.getValue());
        }
        return builder.build();
    }

    private static int health(CloudEmulator emulator) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .sslContext(CaTrust.trusting(emulator.caCertificate()))
                .connectTimeout(TIMEOUT)
                .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.signalingUri() + "/v1/health"))
                .timeout(TIMEOUT)
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
