package com.roomagent.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.roomagent.agent.control.ControlClient;
import com.roomagent.agent.control.ControlRequest;
import com.roomagent.agent.control.ControlResponse;
import com.roomagent.agent.daemon.RunningAgent;
import com.roomagent.agent.daemon.TestBoards;
import com.roomagent.agent.daemon.TestIdentities;
import com.roomagent.agent.testing.ProcessSockets;
import com.roomagent.emulator.CloudEmulator;
import com.roomagent.emulator.config.EmulatorConfig;
import com.roomagent.emulator.config.NodeConfig;
import com.roomagent.protocol.discovery.MediaTransport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * R1: the agent, run as a room system runs it (a JVM of its own), listens on no network port in
 * any state: while provisioning (showing its pairing code, watching the control socket), and once
 * activated (registered with the cloud, probing the media nodes, reporting). Its only listening
 * socket is the control socket, a Unix domain socket. {@link ProcessSockets} defines listening.
 * Then in a meeting with a second room (a daemon in this JVM): media flowing over UDP, and again
 * over TCP after the node's UDP is cut.
 */
@Timeout(180)
class NoListeningSocketTest {
    private static final Duration START_LIMIT = Duration.ofSeconds(30);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(15);
    /** Longer than one STUN probe socket lives between its bind and its connect. */
    private static final Duration TRANSIENT_WINDOW = Duration.ofSeconds(1);

    private static final String MEETING = "r1-meeting";

    @TempDir
    Path configDir;

    @TempDir
    Path stateDir;

    @TempDir
    Path emulatorState;

    @TempDir
    Path logs;

    @Test
    void theAgentListensOnNoNetworkPortWhileProvisioningNorOnceActivated() throws Exception {
        try (CloudEmulator emulator = CloudEmulator.start(
                EmulatorConfig.loopback(NodeConfig.loopback("node-1").build()), emulatorState)) {
            Path stderr = logs.resolve("stderr.log");
            Path stdout = logs.resolve("stdout.log");
            TestBoards.smallEmulated(configDir);
            Process agent = start(
                    withSettings(
                            emulator,
                            "run",
                            "--set",
                            "media.keepaliveInterval=500ms",
                            "--set",
                            "media.consentTimeout=3s",
                            "--set",
                            "media.mediaTimeout=2s"),
                    stderr,
                    stdout);
            try {
                awaitLine(agent, stderr, "event=agent-started");
                awaitLine(agent, stdout, "Pairing code:");
                assertListensOnNoNetworkPort(agent.pid(), "provisioning");

                String code =
                        emulator.issueCode("org-r1", Duration.ofMinutes(5)).activationCode();
                InProcessCli.Outcome activated = InProcessCli.run(withSettings(emulator, "activate", code));
                assertEquals(ExitCodes.OK, activated.exitCode(), () -> activated.describe() + read(stderr));
                String device = emulator.activatedDevices()
                        .get(emulator.activatedDevices().size() - 1)
                        .deviceId();
                // Sampled while the first probe runs, once registered, then after its report.
                assertListensOnNoNetworkPort(agent.pid(), "activated, discovering");
                assertTrue(
                        emulator.registrations().awaitConnected(device, START_LIMIT),
                        () -> "no event channel open within " + START_LIMIT + "\n" + read(stderr));
                assertListensOnNoNetworkPort(agent.pid(), "registered, event channel open");
                assertTrue(
                        emulator.reports().awaitLatest(device, START_LIMIT).isPresent(),
                        () -> "no discovery report within " + START_LIMIT + "\n" + read(stderr));
                assertListensOnNoNetworkPort(agent.pid(), "activated, reported");

                Path peerConfig = Files.createDirectories(logs.resolve("peer-config"));
                Path peerState = Files.createDirectories(logs.resolve("peer-state"));
                TestBoards.smallEmulated(peerConfig);
                String peerDevice =
                        TestIdentities.provision(emulator, peerState).deviceId();
                try (RunningAgent peer = RunningAgent.start(emulator, peerConfig, peerState)) {
                    for (String room : List.of(device, peerDevice)) {
                        assertTrue(
                                emulator.receivedDiscoveryReports()
                                        .awaitLatest(room, START_LIMIT)
                                        .isPresent(),
                                "the cloud has " + room + "'s discovery report over its event channel");
                    }
                    InProcessCli.Outcome joined = InProcessCli.run(meetingJoin(emulator));
                    assertEquals(ExitCodes.OK, joined.exitCode(), () -> joined.describe() + read(stderr));
                    peer.daemon().meetings().orElseThrow().join(MEETING);
                    awaitInMedia("udp", stderr);
                    assertListensOnNoNetworkPort(agent.pid(), "in a meeting, media over udp");
                    emulator.mediaNodes().cut("node-1", MediaTransport.UDP, true);
                    try {
                        awaitInMedia("tcp", stderr);
                        assertListensOnNoNetworkPort(agent.pid(), "in a meeting, media over tcp after a failover");
                    } finally {
                        emulator.mediaNodes().cut("node-1", MediaTransport.UDP, false);
                    }
                }
            } finally {
                agent.destroy();
                agent.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
                agent.destroyForcibly().waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }

    /** Waits until the agent process's call runs over {@code transport} and decodes far-end video. */
    private void awaitInMedia(String transport, Path stderr) throws Exception {
        ControlClient client = new ControlClient(stateDir.resolve("control.sock"), Duration.ofSeconds(10));
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (true) {
            ControlResponse status = client.send(ControlRequest.status());
            JsonNode call = status.call();
            if (call != null
                    && transport.equals(call.path("path").path("transport").asText())
                    && "up".equals(call.path("path").path("state").asText())
                    && call.path("received").path("videoFrames").asLong() > 5) {
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("no media over " + transport + " within " + START_LIMIT + "; meeting " + status.meeting()
                        + ", call " + call + "\n" + read(stderr));
            }
            Thread.sleep(100); // the child JVM's media path does real I/O: a bounded wait
        }
    }

    private List<String> meetingJoin(CloudEmulator emulator) {
        List<String> args = new ArrayList<>(List.of("meeting"));
        args.addAll(withSettings(emulator, "join", MEETING));
        return args;
    }

    /** No listening TCP or UDP socket in {@code pid}, and its control socket open, in {@code state}. */
    private void assertListensOnNoNetworkPort(long pid, String state) throws IOException, InterruptedException {
        List<ProcessSockets.NetworkSocket> listening = ProcessSockets.listening(pid, TRANSIENT_WINDOW);
        assertEquals(List.of(), listening, "listening network sockets while " + state);
        // The agent binds the control socket under a temporary name and renames it into place, so
        // procfs shows the name it was bound to: a socket in the state directory, and control.sock.
        List<String> unix = ProcessSockets.unixSocketPaths(pid);
        assertTrue(
                unix.stream().anyMatch(path -> Path.of(path).getParent().equals(stateDir)),
                "the control socket is open while " + state + ": " + unix);
        assertTrue(Files.exists(stateDir.resolve("control.sock")), "control.sock while " + state);
    }

    private List<String> withSettings(CloudEmulator emulator, String command, String... rest) {
        List<String> args = new ArrayList<>(InProcessCli.command(command, configDir, stateDir));
        args.addAll(InProcessCli.settings(
                "cloud.signalingUrl=" + emulator.signalingUri(),
                "cloud.trustAnchors=" + emulator.caCertificate(),
                "provisioning.pollMaxInterval=300ms",
                "discovery.udpInitialRto=100ms",
                "discovery.udpMaxTransmissions=2",
                "discovery.udpFinalWaitMultiplier=2"));
        args.addAll(List.of(rest));
        return args;
    }

    /** The agent's main class in a JVM of its own, on this test's class path, no ROOM_AGENT_* variables. */
    private static Process start(List<String> args, Path stderr, Path stdout) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                RoomAgentCommand.class.getName()));
        command.addAll(args);
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("ROOM_AGENT_"));
        return builder.start();
    }

    private static void awaitLine(Process agent, Path file, String text) throws InterruptedException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (!read(file).contains(text)) {
            if (!agent.isAlive()) {
                fail("the agent exited with " + agent.exitValue() + " before " + text + ":\n" + read(file));
            }
            if (System.nanoTime() > deadline) {
                fail("no " + text + " within " + START_LIMIT + ":\n" + read(file));
            }
            Thread.sleep(50); // the child JVM writes its log as it boots: real I/O
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }
}
