package com.roomagent.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.roomagent.emulator.CloudEmulator;
import com.roomagent.emulator.config.EmulatorConfig;
import com.roomagent.emulator.config.NodeConfig;
import com.roomagent.emulator.config.TransportMode;
import com.roomagent.protocol.discovery.DiscoveryJson;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.discovery.NodeKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code room-agent diagnose} against the cloud emulator, and from a saved report, in process. */
@Timeout(60)
class DiagnoseCommandTest {
    @TempDir
    Path configDir;

    @TempDir
    Path stateDir;

    @TempDir
    Path emulatorState;

    @Test
    void udpDroppedEverywhereAdvisesOpeningUdp5004AndNamesTheTcpFallback() throws Exception {
        try (CloudEmulator emulator = start(NodeConfig.loopback("only-tcp")
                .mode(MediaTransport.UDP, TransportMode.DROP)
                .mode(MediaTransport.UDP_LAST_RESORT, TransportMode.DROP))) {
            InProcessCli.Outcome outcome = InProcessCli.run(diagnose(emulator));

            assertEquals(ExitCodes.OK, outcome.exitCode(), outcome::describe);
            assertTrue(outcome.out().contains("Media path: cloud node only-tcp over TCP 5004"), outcome::describe);
            assertTrue(
                    outcome.out().contains("UDP 5004 reaches 0 of 1 media nodes (the others: timeout)."),
                    outcome::describe);
            assertTrue(outcome.out().contains("1. Media falls back to TCP 5004"), outcome::describe);
            assertTrue(outcome.out().contains("UDP to destination port 5004 on any address"), outcome::describe);
        }
    }

    @Test
    void jsonNamesAVideoMeshNodeFromTheNodeListAsTheBestPath() throws Exception {
        try (CloudEmulator emulator = start(
                NodeConfig.loopback("cloud-udp-dropped")
                        .mode(MediaTransport.UDP, TransportMode.DROP)
                        .mode(MediaTransport.UDP_LAST_RESORT, TransportMode.DROP),
                NodeConfig.builder("mesh", "127.0.0.1")
                        .kind(NodeKind.VIDEO_MESH)
                        .port(MediaTransport.UDP, 0))) {
            List<String> args = diagnose(emulator);
            args.add("--json");

            InProcessCli.Outcome outcome = InProcessCli.run(args);

            assertEquals(ExitCodes.OK, outcome.exitCode(), outcome::describe);
            JsonNode json = DiscoveryJson.mapper().readTree(outcome.out());
            assertEquals("mesh", json.path("bestPath").path("nodeId").asText(), outcome::describe);
            assertEquals("video-mesh", json.path("bestPath").path("kind").asText(), outcome::describe);
            assertEquals("udp", json.path("bestPath").path("transport").asText(), outcome::describe);
            assertEquals(
                    "open-udp-5004-any",
                    json.path("recommendations").path(0).path("code").asText());
        }
    }

    @Test
    void savedReportWithNothingReachableBehindAProxyExitsWithFourAndSaysMediaNeverUsesTheProxy() throws Exception {
        Path report = Files.writeString(configDir.resolve("report.json"), """
                { "deviceId": "room-1", "startedAt": "2026-11-25T10:00:00Z", "durationMillis": 7600, "trigger": "manual",
                  "results": [
                    { "nodeId": "n1", "transport": "udp", "target": "198.51.100.21:5004", "reachable": false,
                      "rttSamplesMillis": [], "samplesSent": 1, "failure": "timeout" },
                    { "nodeId": "n1", "transport": "tls", "target": "198.51.100.21:443", "reachable": false,
                      "rttSamplesMillis": [], "samplesSent": 0, "failure": "timeout" } ] }
                """);

        InProcessCli.Outcome outcome = InProcessCli.run(InProcessCli.command(
                "diagnose",
                configDir,
                stateDir,
                "--report",
                report.toString(),
                "--set",
                "network.httpProxy=10.10.0.1:3128"));

        assertEquals(DiscoverCommand.NOTHING_REACHABLE, outcome.exitCode(), outcome::describe);
        assertTrue(outcome.out().contains("Media path: none, media is unavailable."), outcome::describe);
        assertTrue(outcome.out().contains("never send media through an HTTP proxy"), outcome::describe);
        assertTrue(outcome.out().contains("1. Install a Video Mesh node in the LAN"), outcome::describe);
    }

    @Test
    void unreadableReportExitsWithOneNamingTheFileAndHowToWriteOne() {
        Path missing = configDir.resolve("no-such-report.json");

        InProcessCli.Outcome outcome =
                InProcessCli.run(InProcessCli.command("diagnose", configDir, stateDir, "--report", missing.toString()));

        assertEquals(ExitCodes.FAILED, outcome.exitCode(), outcome::describe);
        assertTrue(outcome.err().contains("cannot read the report " + missing), outcome::describe);
        assertTrue(outcome.err().contains("room-agent discover --output FILE"), outcome::describe);
    }

    private CloudEmulator start(NodeConfig.Builder... nodes) throws Exception {
        return CloudEmulator.start(
                EmulatorConfig.loopback(java.util.Arrays.stream(nodes)
                        .map(NodeConfig.Builder::build)
                        .toArray(NodeConfig[]::new)),
                emulatorState);
    }

    /** {@code diagnose} against {@code emulator}, with probe timeouts short enough for loopback. */
    private List<String> diagnose(CloudEmulator emulator) {
        List<String> args = new ArrayList<>(InProcessCli.command("diagnose", configDir, stateDir));
        args.addAll(InProcessCli.settings(
                "cloud.signalingUrl=" + emulator.signalingUri(),
                "cloud.trustAnchors=" + emulator.caCertificate(),
                "device.id=room-1",
                "discovery.udpMaxTransmissions=2",
                "discovery.udpInitialRto=100ms",
                "discovery.udpFinalWaitMultiplier=2",
                "discovery.connectTimeout=1s",
                "discovery.tlsHandshakeTimeout=3s",
                "discovery.streamResponseTimeout=1s",
                "discovery.sampleInterval=5ms"));
        return args;
    }
}
