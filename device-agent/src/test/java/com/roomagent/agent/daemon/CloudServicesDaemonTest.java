package com.roomagent.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.roomagent.agent.control.ControlRequest;
import com.roomagent.agent.control.ControlResponse;
import com.roomagent.agent.upgrade.UpgradeChecker;
import com.roomagent.emulator.CloudEmulator;
import com.roomagent.emulator.config.EmulatorConfig;
import com.roomagent.emulator.config.NodeConfig;
import com.roomagent.protocol.metrics.ProbeResultRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The running daemon's metrics (fed by discovery) and its upgrade check on the control socket. */
class CloudServicesDaemonTest {
    private static final String INSTALLER = Path.of("..", "scripts", "emulated-install-image.sh")
            .toAbsolutePath()
            .toString();

    @TempDir
    Path emulatorState;

    @TempDir
    Path configDir;

    @TempDir
    Path stateDir;

    private CloudEmulator emulator;

    @BeforeEach
    void startEmulatorAndProvision() throws Exception {
        emulator = CloudEmulator.start(
                EmulatorConfig.loopback(NodeConfig.loopback("node-1").build()), emulatorState);
        TestIdentities.provision(emulator, stateDir);
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    private RunningAgent agent() throws Exception {
        return RunningAgent.start(
                emulator,
                configDir,
                stateDir,
                "metrics.batchMaxRecords",
                "4",
                "upgrade.signingKey",
                emulator.upgradeSigningKey().toString(),
                "upgrade.installCommand",
                INSTALLER);
    }

    @Test
    void discoveryResultsReachTheMetricsServiceUnderTheDevicesIdentity() throws Exception {
        try (RunningAgent agent = agent()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (emulator.metrics().records().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertFalse(emulator.metrics().records().isEmpty(), agent::console);
            ProbeResultRecord first =
                    (ProbeResultRecord) emulator.metrics().records().get(0);
            assertEquals("node-1", first.nodeId());
            assertEquals("boot", first.trigger());
        }
    }

    @Test
    void upgradeCheckOnTheControlSocketInstallsASignedImageAndRefusesATamperedOne() throws Exception {
        try (RunningAgent agent = agent()) {
            emulator.upgrades().publish("0.2.0", "image 0.2.0\n".repeat(50).getBytes(StandardCharsets.UTF_8));

            ControlResponse installed = agent.send(ControlRequest.upgradeCheck());

            assertTrue(installed.ok(), installed::message);
            assertTrue(installed.message().contains("0.2.0 is verified and installed"), installed::message);
            Path log = stateDir.resolve(UpgradeChecker.DIRECTORY).resolve("installs.log");
            assertTrue(Files.readString(log).startsWith("installed version=0.2.0 sha256="), log::toString);

            emulator.upgrades().publish("0.3.0", "image 0.3.0\n".repeat(50).getBytes(StandardCharsets.UTF_8));
            emulator.upgrades().tamperImage();

            ControlResponse refused = agent.send(ControlRequest.upgradeCheck());

            assertFalse(refused.ok());
            assertEquals("digest-mismatch", refused.error(), refused::message);
            assertEquals(1, Files.readAllLines(log).size(), "the tampered image never reached the installer");
        } catch (AssertionError e) {
            fail(e.getMessage(), e);
        }
    }
}
