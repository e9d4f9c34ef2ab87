package com.roomagent.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.emulator.CloudEmulator;
import com.roomagent.emulator.config.EmulatorConfig;
import com.roomagent.emulator.config.NodeConfig;
import com.roomagent.emulator.config.TransportMode;
import com.roomagent.protocol.discovery.DiscoveryJson;
import com.roomagent.protocol.discovery.DiscoveryReport;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.discovery.PairResult;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code room-agent discover} against the cloud emulator, in process. */
@Timeout(60)
class DiscoverCommandTest {
    private static final String DEVICE = "room-1";

    @TempDir
    Path configDir;

    @TempDir
    Path stateDir;

    @TempDir
    Path emulatorState;

    @Test
    void printsEveryNodeWithTheReasonOfEachUnreachablePair() throws Exception {
        try (CloudEmulator emulator = startServedAndFirewalled()) {
            InProcessCli.Outcome outcome = InProcessCli.run(discover(emulator));

            assertEquals(ExitCodes.OK, outcome.exitCode(), outcome::describe);
            assertRow(outcome, "served", "udp", "reachable");
            assertRow(outcome, "served", "tcp", "reachable");
            assertRow(outcome, "firewalled", "udp", "timeout");
            assertRow(outcome, "firewalled", "tcp", "refused");
            assertRow(outcome, "firewalled", "tls", "reachable");
            assertTrue(
                    outcome.out().contains("Probed 8 pairs in ")
                            && outcome.out().contains(emulator.signalingUri().toString()),
                    outcome::describe);
        }
    }

    @Test
    void outputFileHoldsTheJsonReportTheCloudReceived() throws Exception {
        Path output = configDir.resolve("reports").resolve("report.json");
        try (CloudEmulator emulator = startServedAndFirewalled()) {
            List<String> args = discover(emulator);
            args.addAll(List.of("--output", output.toString()));

            InProcessCli.Outcome outcome = InProcessCli.run(args);

            assertEquals(ExitCodes.OK, outcome.exitCode(), outcome::describe);
            DiscoveryReport written = DiscoveryJson.mapper().readValue(Files.readString(output), DiscoveryReport.class);
            assertEquals(8, written.results().size());
            assertEquals(DEVICE, written.deviceId());
            assertEquals("manual", written.trigger());
            assertEquals(emulator.reports().latest(DEVICE).orElseThrow(), written);
        }
    }

    @Test
    void jsonPrintsTheReportInsteadOfTheTable() throws Exception {
        try (CloudEmulator emulator = startServedAndFirewalled()) {
            List<String> args = discover(emulator);
            args.add("--json");

            InProcessCli.Outcome outcome = InProcessCli.run(args);

            assertEquals(ExitCodes.OK, outcome.exitCode(), outcome::describe);
            DiscoveryReport printed = DiscoveryJson.mapper().readValue(outcome.out(), DiscoveryReport.class);
            assertEquals(8, printed.results().size());
            assertEquals(
                    6, printed.results().stream().filter(PairResult::reachable).count());
        }
    }

    @Test
    void nothingReachableExitsWithFourSayingMediaIsUnavailable() throws Exception {
        NodeConfig.Builder blocked = NodeConfig.loopback("blocked")
                .mode(MediaTransport.UDP, TransportMode.DROP)
                .mode(MediaTransport.TCP, TransportMode.CLOSED)
                .mode(MediaTransport.TLS, TransportMode.CLOSED)
                .mode(MediaTransport.UDP_LAST_RESORT, TransportMode.DROP);
        NodeConfig.Builder silent = NodeConfig.loopback("silent");
        for (MediaTransport transport : MediaTransport.values()) {
            silent.mode(transport, TransportMode.DROP);
        }
        try (CloudEmulator emulator =
                CloudEmulator.start(EmulatorConfig.loopback(blocked.build(), silent.build()), emulatorState)) {
            InProcessCli.Outcome outcome = InProcessCli.run(discover(emulator));

            assertEquals(DiscoverCommand.NOTHING_REACHABLE, outcome.exitCode(), outcome::describe);
            assertTrue(outcome.err().contains("no media node is reachable"), outcome::describe);
            assertTrue(outcome.err().contains("media is unavailable"), outcome::describe);
        }
    }

    @Test
    void unreachableCloudExitsWithOneNamingTheUrlAndTheConnectStep() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "https://127.0.0.1:" + closedPort;

        InProcessCli.Outcome outcome = InProcessCli.run(InProcessCli.command(
                "discover", configDir, stateDir, "--set", "cloud.signalingUrl=" + url, "--set", "device.id=" + DEVICE));

        assertEquals(ExitCodes.FAILED, outcome.exitCode(), outcome::describe);
        assertTrue(outcome.err().contains("room-agent: discovery failed: GET " + url), outcome::describe);
        assertTrue(outcome.err().contains("failed at connect"), outcome::describe);
    }

    @Test
    void trustAnchorsThatAreNotPemExitWithConfigurationErrorNamingTheFile() throws Exception {
        Path notPem = Files.writeString(configDir.resolve("cloud-ca.pem"), "this is not a certificate\n");

        InProcessCli.Outcome outcome = InProcessCli.run(
                InProcessCli.command("discover", configDir, stateDir, "--set", "cloud.trustAnchors=" + notPem));

        assertEquals(ExitCodes.CONFIGURATION, outcome.exitCode(), outcome::describe);
        assertTrue(outcome.err().contains("trust anchors " + notPem + ": "), outcome::describe);
    }

    /** One node serving everything, one whose firewall drops UDP and refuses TCP. */
    private CloudEmulator startServedAndFirewalled() throws Exception {
        return CloudEmulator.start(
                EmulatorConfig.loopback(
                        NodeConfig.loopback("served").build(),
                        NodeConfig.loopback("firewalled")
                                .mode(MediaTransport.UDP, TransportMode.DROP)
                                .mode(MediaTransport.TCP, TransportMode.CLOSED)
                                .build()),
                emulatorState);
    }

    /** {@code discover} against {@code emulator}, with probe timeouts short enough for loopback. */
    private List<String> discover(CloudEmulator emulator) {
        List<String> args = new ArrayList<>(InProcessCli.command("discover", configDir, stateDir));
        args.addAll(InProcessCli.settings(
                "cloud.signalingUrl=" + emulator.signalingUri(),
                "cloud.trustAnchors=" + emulator.caCertificate(),
                "device.id=" + DEVICE,
                "discovery.udpMaxTransmissions=2",
                "discovery.udpInitialRto=100ms",
                "discovery.udpFinalWaitMultiplier=2",
                "discovery.connectTimeout=1s",
                "discovery.tlsHandshakeTimeout=3s",
                "discovery.streamResponseTimeout=1s",
                "discovery.sampleInterval=5ms"));
        return args;
    }

    /** A table row of {@code node} over {@code transport} whose RESULT column is {@code result}. */
    private static void assertRow(InProcessCli.Outcome outcome, String node, String transport, String result) {
        Pattern row = Pattern.compile(
                "^" + node + "\\s+cloud\\s+loopback\\s+" + transport + "\\s+\\S+\\s+" + result + "\\s",
                Pattern.MULTILINE);
        assertTrue(
                row.matcher(outcome.out()).find(),
                () -> "no row " + node + " " + transport + " " + result + "\n" + outcome.describe());
    }
}
