package com.roomagent.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.roomagent.agent.config.ConfigurationLoader;
import com.roomagent.agent.discovery.DiscoveryService;
import com.roomagent.agent.provisioning.ProvisioningStatus;
import com.roomagent.emulator.CloudEmulator;
import com.roomagent.emulator.config.EmulatorConfig;
import com.roomagent.emulator.config.NodeConfig;
import com.roomagent.emulator.config.TransportMode;
import com.roomagent.hal.led.AgentState;
import com.roomagent.protocol.discovery.DiscoveryReport;
import com.roomagent.protocol.discovery.MediaTransport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The daemon of a provisioned device against the cloud emulator, with a network the test changes. */
@Timeout(60)
class AgentDaemonTest {
    /** Generous: the first TLS handshakes of a cold JVM are slow. */
    private static final Duration REPORT_WAIT = Duration.ofSeconds(30);
    /** The thread the daemon owns. */
    private static final List<String> SCHEDULER_THREADS = List.of("discovery-scheduler-");
    /** Threads the daemon starts, directly or through discovery and the control socket. */
    private static final List<String> DAEMON_THREADS = List.of(
            "discovery-scheduler-",
            "discovery-probe-",
            "signaling-1",
            "agent-lifecycle",
            "control-acceptor",
            "control-handler-",
            "provisioning",
            "camera-qr",
            "room-agent-hal");

    @TempDir
    Path configDir;

    @TempDir
    Path stateDir;

    @TempDir
    Path emulatorState;

    private CloudEmulator emulator;
    private String device;
    private final FakeNetworkStateSource network = new FakeNetworkStateSource("192.168.1.20", "192.168.1.1");

    @BeforeEach
    void startEmulatorAndProvision() throws Exception {
        emulator = CloudEmulator.start(
                EmulatorConfig.loopback(NodeConfig.loopback("node-1").build()), emulatorState);
        device = TestIdentities.provision(emulator, stateDir).deviceId();
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    @Test
    void startReportsABootDiscoveryToTheCloud() throws Exception {
        try (AgentDaemon daemon = daemon(configuration())) {
            DiscoveryReport report = awaitReports(1);
            assertEquals(DiscoveryService.TRIGGER_BOOT, report.trigger());
            assertEquals(4, report.results().size());
            assertEquals(report, daemon.discovery().orElseThrow().current().orElseThrow());
        }
    }

    @Test
    void statusLedShowsRegisteredOnceTheEventChannelIsWelcomed() throws Exception {
        try (AgentDaemon daemon = daemon(configuration())) {
            assertTrue(emulator.registrations().awaitConnected(device, REPORT_WAIT));
            long deadline = System.nanoTime() + REPORT_WAIT.toNanos();
            // The welcome reaches the daemon just after the cloud attached the channel: a bounded wait.
            while (daemon.hardware().orElseThrow().status().agentState() != AgentState.REGISTERED) {
                if (System.nanoTime() > deadline) {
                    fail("the status LED never showed registered");
                }
                Thread.sleep(10);
            }
        }
    }

    @Test
    void theAgentRegistersOnceAndSendsEveryDiscoveryReportOverTheEventChannel() throws Exception {
        try (AgentDaemon daemon = daemon(configuration())) {
            DiscoveryReport boot = emulator.receivedDiscoveryReports()
                    .awaitLatest(device, REPORT_WAIT)
                    .orElseThrow(() -> new AssertionError("no discovery.report on the event channel"));
            assertEquals(DiscoveryService.TRIGGER_BOOT, boot.trigger());

            network.moveTo("10.0.0.7", "10.0.0.1");

            DiscoveryReport moved = emulator.receivedDiscoveryReports()
                    .awaitReceived(device, 2, REPORT_WAIT)
                    .orElseThrow(() -> new AssertionError("no second discovery.report after the network change"));
            assertEquals(DiscoveryService.TRIGGER_NETWORK_CHANGE, moved.trigger());
            assertEquals(1, emulator.registrations().issuedCount(device));
            var registration = daemon.signaling().orElseThrow().status();
            assertEquals("registered", registration.state());
            assertEquals(
                    emulator.registrations().registration(device).orElseThrow().registrationId(),
                    registration.registrationId());
        }
    }

    @Test
    void networkChangeMakesTheDaemonProbeAndReportAgain() throws Exception {
        try (AgentDaemon daemon = daemon(configuration())) {
            awaitReports(1);
            assertEquals(ProvisioningStatus.State.PROVISIONED, daemon.status().state());

            network.moveTo("10.0.0.7", "10.0.0.1");

            DiscoveryReport report = awaitReports(2);
            assertEquals(DiscoveryService.TRIGGER_NETWORK_CHANGE, report.trigger());
        }
    }

    @Test
    void unchangedNetworkCausesNoFurtherReport() throws Exception {
        try (AgentDaemon daemon = daemon(configuration())) {
            awaitReports(1);
            assertEquals(device, daemon.status().identity().orElseThrow().deviceId());

            // Five polls of the same network: none may trigger a probe.
            assertTrue(emulator.reports()
                    .awaitReceived(device, 2, Duration.ofSeconds(1))
                    .isEmpty());
            assertEquals(1, emulator.reports().receivedCount(device));
        }
    }

    @Test
    void closeStopsEveryThreadTheDaemonStarted() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (AgentDaemon daemon = daemon(configuration())) {
            awaitReports(1);
            assertTrue(daemon.discovery().isPresent());
            assertFalse(threads(before, SCHEDULER_THREADS).isEmpty(), "the scheduler runs while the daemon does");
        } // close()

        awaitNoThreads(before, DAEMON_THREADS, Duration.ofSeconds(10));
    }

    @Test
    void closeDuringAProbeReturnsWithoutWaitingForTheProbe() throws Exception {
        NodeConfig.Builder silent = NodeConfig.loopback("silent");
        for (MediaTransport transport : MediaTransport.values()) {
            silent.mode(transport, TransportMode.DROP);
        }
        try (CloudEmulator silentCloud =
                CloudEmulator.start(EmulatorConfig.loopback(silent.build()), emulatorState.resolve("silent"))) {
            Set<Thread> before = Thread.getAllStackTraces().keySet();
            // Every pair would take 9 s or more to give up.
            TestIdentities.provision(silentCloud, stateDir);
            AgentDaemon daemon = daemon(configuration(
                    silentCloud,
                    "discovery.udpInitialRto",
                    "3s",
                    "discovery.tlsHandshakeTimeout",
                    "10s",
                    "discovery.streamResponseTimeout",
                    "10s"));
            try {
                awaitThread(before, "discovery-probe-", Duration.ofSeconds(10));
                long start = System.nanoTime();

                daemon.close();

                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "close took " + took);
                // Only the scheduler: abandoned pairs end on their own socket timeouts (MediaNodeProber).
                awaitNoThreads(before, SCHEDULER_THREADS, Duration.ofSeconds(5));
            } finally {
                daemon.close(); // idempotent; closes the daemon when an assertion failed before close
            }
        }
    }

    private ConfigurationLoader configuration() {
        return configuration(emulator);
    }

    /** A started daemon; the caller closes it. */
    private AgentDaemon daemon(ConfigurationLoader loader) throws Exception {
        AgentDaemon daemon = new AgentDaemon(loader, Clock.systemUTC(), network, System.out);
        try {
            daemon.start();
        } catch (Exception e) {
            daemon.close();
            throw e;
        }
        return daemon;
    }

    /** Talking to {@code cloud}, polling the network every 200 ms; then {@code keyValues}. */
    private ConfigurationLoader configuration(CloudEmulator cloud, String... keyValues) {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("cloud.signalingUrl", cloud.signalingUri().toString());
        overrides.put("cloud.trustAnchors", cloud.caCertificate().toString());
        overrides.put("discovery.networkPollInterval", "200ms");
        overrides.put("discovery.udpInitialRto", "100ms");
        overrides.put("discovery.udpMaxTransmissions", "2");
        overrides.put("discovery.udpFinalWaitMultiplier", "2");
        overrides.put("discovery.sampleInterval", "5ms");
        for (int i = 0; i < keyValues.length; i += 2) {
            overrides.put(keyValues[i], keyValues[i + 1]);
        }
        return new ConfigurationLoader(configDir, stateDir, Map.of(), new Properties(), overrides);
    }

    private DiscoveryReport awaitReports(int count) throws InterruptedException {
        return emulator.reports()
                .awaitReceived(device, count, REPORT_WAIT)
                .orElseGet(() -> fail("the cloud did not receive report " + count + " within " + REPORT_WAIT
                        + "; it has " + emulator.reports().receivedCount(device)));
    }

    /** The live threads named with one of {@code prefixes} that were not there {@code before}. */
    private static List<String> threads(Set<Thread> before, List<String> prefixes) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && !before.contains(thread))
                .map(Thread::getName)
                .filter(name -> prefixes.stream().anyMatch(name::startsWith))
                .toList();
    }

    private static void awaitThread(Set<Thread> before, String prefix, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (threads(before, List.of(prefix)).isEmpty()) {
            if (System.nanoTime() > deadline) {
                fail("no thread " + prefix + "* within " + limit);
            }
            // The scheduler starts the probe after the node list arrives over real HTTPS.
            Thread.sleep(20);
        }
    }

    private static void awaitNoThreads(Set<Thread> before, List<String> prefixes, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!threads(before, prefixes).isEmpty()) {
            if (System.nanoTime() > deadline) {
                fail("still alive " + limit + " after close: " + threads(before, prefixes));
            }
            // Threads end asynchronously after shutdownNow: a bounded wait for them.
            Thread.sleep(20);
        }
    }
}
