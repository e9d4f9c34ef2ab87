package com.roomagent.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.roomagent.agent.daemon.TestIdentities;
import com.roomagent.emulator.CloudEmulator;
import com.roomagent.emulator.config.EmulatorConfig;
import com.roomagent.emulator.config.NodeConfig;
import com.roomagent.protocol.activation.ActivationCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
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
            String device = TestIdentities.provision(emulator, stateDir).deviceId();
            Path stderr = logs.resolve("stderr.log");
            Process agent = start(runArguments(emulator), stderr, logs.resolve("stdout.log"));
            try {
                awaitLine(agent, stderr, "event=agent-started");
                assertTrue(
                        emulator.reports().awaitLatest(device, START_LIMIT).isPresent(),
                        () -> "no report from the agent within " + START_LIMIT + "\n" + read(stderr));

                agent.destroy();

                assertTrue(agent.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS), "still running after SIGTERM");
                String log = read(stderr);
                assertEquals(EXIT_ON_SIGTERM, agent.exitValue(), log);
                int stopping = log.indexOf("event=agent-stopping");
                int stopped = log.indexOf("event=agent-stopped");
                assertTrue(stopping >= 0 && stopped > stopping, () -> "no agent-stopping then agent-stopped:\n" + log);
                assertFalse(Files.exists(stateDir.resolve("control.sock")), "the control socket is removed");
            } finally {
                agent.destroyForcibly().waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void provisioningFlowsLogNeitherActivationCodesNorPrivateKeys() throws Exception {
        try (CloudEmulator emulator = CloudEmulator.start(
                EmulatorConfig.loopback(NodeConfig.loopback("node-1").build()), emulatorState)) {
            Path stderr = logs.resolve("stderr.log");
            Path stdout = logs.resolve("stdout.log");
            Process agent = start(runArguments(emulator), stderr, stdout);
            List<String> codes = new ArrayList<>();
            try {
                awaitLine(agent, stderr, "event=agent-started");
                awaitLine(agent, stdout, "Pairing code:");
                String unknown = ActivationCode.generate(new SecureRandom()).formatted();
                codes.add(unknown);
                assertEquals(ExitCodes.CODE_REFUSED, activate(emulator, unknown).exitCode());
                for (String organization : List.of("org-first", "org-second")) {
                    String code = emulator.issueCode(organization, Duration.ofMinutes(5))
                            .activationCode();
                    codes.add(code);
                    InProcessCli.Outcome activated = activate(emulator, code);
                    assertEquals(ExitCodes.OK, activated.exitCode(), () -> activated.describe() + read(stderr));
                    String device = emulator.activatedDevices()
                            .get(emulator.activatedDevices().size() - 1)
                            .deviceId();
                    assertTrue(
                            emulator.reports().awaitLatest(device, START_LIMIT).isPresent(), () -> read(stderr));
                    InProcessCli.Outcome reset = InProcessCli.run(withSettings(emulator, "factory-reset", "--yes"));
                    assertEquals(ExitCodes.OK, reset.exitCode(), reset.describe());
                }
                awaitLine(agent, stderr, "event=factory-reset-done");
            } finally {
                agent.destroy();
                agent.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
                agent.destroyForcibly().waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
            }
            String everything = read(stderr) + read(stdout);
            assertTrue(everything.contains("event=provisioned source=control-socket"), everything);
            assertTrue(everything.contains("code=****-****-****-"), "codes appear masked: " + everything);
            for (String code : codes) {
                String digits = ActivationCode.parse(code).digits();
                assertFalse(everything.contains(digits), "the log holds a full code");
                assertFalse(everything.contains(code), "the log holds a full code");
                assertFalse(everything.contains(digits.substring(0, 12)), "the log holds the secret part of a code");
            }
            assertFalse(everything.contains("PRIVATE KEY"), "the log holds a private key");
            assertFalse(everything.contains("BEGIN"), "the log holds PEM");
        }
    }

    @Test
    void brokenConfigurationStopsTheDaemonAtBootWithExitCode3() throws Exception {
        Path file = Files.writeString(configDir.resolve("agent.properties"), "discovery.samplesPerPair=three\n");
        Path stderr = logs.resolve("stderr.log");
        Process agent = start(InProcessCli.command("run", configDir, stateDir), stderr, logs.resolve("stdout.log"));
        try {
            assertTrue(agent.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS), "still running with a broken file");
            String log = read(stderr);
            assertEquals(ExitCodes.CONFIGURATION, agent.exitValue(), log);
            assertTrue(log.contains(file + ": discovery.samplesPerPair: 'three' is not a whole number"), log);
            assertTrue(!log.contains("event=agent-started"), log);
        } finally {
            agent.destroyForcibly().waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** {@code run} against {@code emulator}, with fast provisioning and discovery. */
    private List<String> runArguments(CloudEmulator emulator) {
        return withSettings(emulator, "run");
    }

    /** {@code command} on this test's directories with the settings of the agent under test. */
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

    private InProcessCli.Outcome activate(CloudEmulator emulator, String code) {
        return InProcessCli.run(withSettings(emulator, "activate", code));
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

    /** Waits until {@code text} appears in the agent's output {@code file}, failing if it exits first. */
    private static void awaitLine(Process agent, Path file, String text) throws InterruptedException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (!read(file).contains(text)) {
            if (!agent.isAlive()) {
                fail("the agent exited with " + agent.exitValue() + " before " + text + ":\n" + read(file));
            }
            if (System.nanoTime() > deadline) {
                fail("no " + text + " within " + START_LIMIT + ":\n" + read(file));
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
