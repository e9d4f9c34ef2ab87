package com.roomagent.agent.systemd;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.roomagent.agent.cli.RoomAgentCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code room-agent run} in a JVM of its own, as systemd starts it from a {@code Type=notify} unit
 * with {@code WatchdogSec=}: this test is the service manager's notify socket.
 */
@Timeout(120)
class AgentUnderSystemdProcessTest {
    private static final Duration LIMIT = Duration.ofSeconds(45);

    @TempDir
    Path configDir;

    @TempDir
    Path stateDir;

    @TempDir
    Path run;

    @Test
    void agentSaysReadyFeedsTheWatchdogAndSaysStoppingOnSigterm() throws Exception {
        try (NotifyReceiver systemd = new NotifyReceiver(run.resolve("notify"))) {
            Path stderr = run.resolve("stderr.log");
            ProcessBuilder builder = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            RoomAgentCommand.class.getName(),
                            "run",
                            "--config-dir",
                            configDir.toString(),
                            "--state-dir",
                            stateDir.toString(),
                            // No cloud: the agent boots into provisioning, which is enough here.
                            "--set",
                            "cloud.signalingUrl=https://127.0.0.1:9")
                    .redirectOutput(run.resolve("stdout.log").toFile())
                    .redirectError(stderr.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("ROOM_AGENT_"));
            builder.environment().put("NOTIFY_SOCKET", systemd.address());
            builder.environment().put("WATCHDOG_USEC", "2000000");
            Process agent = builder.start();
            try {
                int[] cursor = {0};
                String ready = expect(systemd, agent, stderr, cursor, m -> m.contains("READY=1"));
                assertTrue(ready.contains("STATUS=state=") && ready.contains(" registration=none"), ready);
                assertTrue(ready.contains("MAINPID=" + agent.pid()), ready);
                assertTrue(Files.exists(stateDir.resolve("control.sock")), "READY=1 before the control socket");
                String watchdog = expect(systemd, agent, stderr, cursor, m -> m.startsWith("WATCHDOG=1"));
                assertTrue(watchdog.contains("STATUS=state="), watchdog);
                expect(systemd, agent, stderr, cursor, m -> m.startsWith("WATCHDOG=1"));

                agent.destroy();
                assertTrue(agent.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS), "still running after SIGTERM");
                Optional<String> stopping = systemd.await(m -> m.startsWith("STOPPING=1"), LIMIT, cursor);
                assertTrue(stopping.isPresent(), () -> "no STOPPING=1: " + systemd.received() + "\n" + read(stderr));
            } finally {
                agent.destroyForcibly().waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }

    private static String expect(
            NotifyReceiver systemd, Process agent, Path stderr, int[] cursor, Predicate<String> wanted)
            throws InterruptedException {
        Optional<String> message = systemd.await(wanted, LIMIT, cursor);
        if (message.isEmpty()) {
            fail("not received within " + LIMIT + " (alive: " + agent.isAlive() + "); received " + systemd.received()
                    + "\n" + read(stderr));
        }
        return message.get();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }
}
