package com.roomagent.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.roomagent.emulator.CloudEmulator;
import com.roomagent.emulator.config.EmulatorConfig;
import com.roomagent.emulator.config.NodeConfig;
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
 * {@code room-agent run} as a room system runs it: a JVM of its own, stopped with SIGTERM. The
 * exit status 143 (128 + SIGTERM) is what the systemd unit lists as a success.
 */
@Timeout(120)
class RunCommandProcessTest {
    private static final String DEVICE = "room-process";
    private static final Duration START_LIMIT = Duration.ofSeconds(30);
    private static final Duration STOP_LIMIT = Duration.ofSeconds(15);
    private static final int EXIT_ON_SIGTERM = 143;

    @TempDir
    Path configDir;

    @TempDir
    Path stateDir;

    @TempDir
    Path emulatorState;

    @TempDir
    Path logs;

    @Test
    void sigtermStopsTheDaemonCleanlyAndExitsWith143() throws Exception {
        try (CloudEmulator emulator = CloudEmulator.start(
                EmulatorConfig.loopback(NodeConfig.loopback("node-1").build()), emulatorState)) {
            List<String> args = new ArrayList<>(InProcessCli.command("run", configDir, stateDir));
            args.addAll(InProcessCli.settings(
                    "cloud.signalingUrl=" + emulator.signalingUri(),
                    "cloud.trustAnchors=" + emulator.caCertificate(),
                    "device.id=" + DEVICE,
                    "discovery.udpInitialRto=100ms",
                    "discovery.udpMaxTransmissions=2",
                    "discovery.udpFinalWaitMultiplier=2"));
            Path stderr = logs.resolve("stderr.log");
            Process agent = start(args, stderr);
            try {
                awaitLine(agent, stderr, "agent.started");
                assertTrue(
                        emulator.reports().awaitLatest(DEVICE, START_LIMIT).isPresent(),
                        () -> "no report from the agent within " + START_LIMIT + "\n" + read(stderr));

                agent.destroy();

                assertTrue(agent.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS), "still running after SIGTERM");
                String log = read(stderr);
                assertEquals(EXIT_ON_SIGTERM, agent.exitValue(), log);
                int stopping = log.indexOf("agent.stopping");
                int stopped = log.indexOf("agent.stopped");
                assertTrue(stopping >= 0 && stopped > stopping, () -> "no agent.stopping then agent.stopped:\n" + log);
            } finally {
                agent.destroyForcibly().waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void brokenConfigurationStopsTheDaemonAtBootWithExitCode3() throws Exception {
        Path file = Files.writeString(configDir.resolve("agent.properties"), "discovery.samplesPerPair=three\n");
        Path stderr = logs.resolve("stderr.log");
        Process agent = start(InProcessCli.command("run", configDir, stateDir), stderr);
        try {
            assertTrue(agent.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS), "still running with a broken file");
            String log = read(stderr);
            assertEquals(ExitCodes.CONFIGURATION, agent.exitValue(), log);
            assertTrue(log.contains(file + ": discovery.samplesPerPair: 'three' is not a whole number"), log);
            assertTrue(!log.contains("agent.started"), log);
        } finally {
            agent.destroyForcibly().waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** The agent's main class in a JVM of its own, on this test's class path, no ROOM_AGENT_* variables. */
    private static Process start(List<String> args, Path stderr) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                RoomAgentCommand.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("ROOM_AGENT_"));
        return builder.start();
    }

    /** Waits until {@code text} appears in the agent's standard error, failing if it exits first. */
    private static void awaitLine(Process agent, Path stderr, String text) throws InterruptedException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (!read(stderr).contains(text)) {
            if (!agent.isAlive()) {
                fail("the agent exited with " + agent.exitValue() + " before " + text + ":\n" + read(stderr));
            }
            if (System.nanoTime() > deadline) {
                fail("no " + text + " within " + START_LIMIT + ":\n" + read(stderr));
            }
            // The child JVM writes its log as it boots: a bounded wait for that real I/O.
            Thread.sleep(50);
        }
    }

    /** The agent's standard error so far; for a file that cannot be read, why not. */
    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }
}
