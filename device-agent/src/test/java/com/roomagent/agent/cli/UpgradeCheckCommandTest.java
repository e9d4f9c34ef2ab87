package com.roomagent.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.agent.daemon.RunningAgent;
import com.roomagent.agent.daemon.TestIdentities;
import com.roomagent.emulator.CloudEmulator;
import com.roomagent.emulator.config.EmulatorConfig;
import com.roomagent.emulator.config.NodeConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code room-agent upgrade check} against a running agent and the emulator's upgrade service. */
class UpgradeCheckCommandTest {
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

    private InProcessCli.Outcome check(RunningAgent agent) {
        List<String> args = new ArrayList<>(List.of("upgrade"));
        args.addAll(InProcessCli.command("check", configDir, stateDir));
        args.addAll(agent.setArguments());
        return InProcessCli.run(args);
    }

    @Test
    void anUnsignedUpgradeIsRefusedWithItsReasonAndExitStatusOne() throws Exception {
        try (RunningAgent agent = RunningAgent.start(
                emulator,
                configDir,
                stateDir,
                "upgrade.signingKey",
                emulator.upgradeSigningKey().toString())) {
            emulator.upgrades().publishUnsigned("9.0.0", "unsigned".getBytes(StandardCharsets.UTF_8));

            InProcessCli.Outcome outcome = check(agent);

            assertEquals(ExitCodes.FAILED, outcome.exitCode(), outcome::describe);
            assertTrue(outcome.err().contains("room-agent: upgrade unsigned-manifest: "), outcome::describe);
            assertTrue(outcome.err().contains("/upgrades/v1/manifest"), outcome::describe);
        }
    }

    @Test
    void aSignedUpgradeWithoutAnInstallerIsVerifiedAndSaysSo() throws Exception {
        try (RunningAgent agent = RunningAgent.start(
                emulator,
                configDir,
                stateDir,
                "upgrade.signingKey",
                emulator.upgradeSigningKey().toString())) {
            emulator.upgrades().publish("9.0.0", "signed image".getBytes(StandardCharsets.UTF_8));

            InProcessCli.Outcome outcome = check(agent);

            assertEquals(ExitCodes.OK, outcome.exitCode(), outcome::describe);
            assertTrue(outcome.out().contains("9.0.0 is downloaded and verified"), outcome::describe);
            assertTrue(outcome.out().contains("upgrade.installCommand is empty"), outcome::describe);
        }
    }

    @Test
    void withoutASigningKeyUpgradesAreOff() throws Exception {
        try (RunningAgent agent = RunningAgent.start(emulator, configDir, stateDir)) {
            InProcessCli.Outcome outcome = check(agent);

            assertEquals(ExitCodes.FAILED, outcome.exitCode(), outcome::describe);
            assertTrue(outcome.err().contains("upgrades-off"), outcome::describe);
            assertTrue(outcome.err().contains("upgrade.signingKey"), outcome::describe);
        }
    }
}
