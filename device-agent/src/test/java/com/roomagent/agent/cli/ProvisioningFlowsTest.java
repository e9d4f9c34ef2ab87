package com.roomagent.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.roomagent.agent.daemon.RunningAgent;
import com.roomagent.agent.provisioning.EmulatedDisplay;
import com.roomagent.agent.provisioning.ProvisioningStatus;
import com.roomagent.agent.provisioning.ProvisioningStatus.State;
import com.roomagent.av.camera.CameraException;
import com.roomagent.av.camera.CameraSource;
import com.roomagent.av.camera.FrameGrabber;
import com.roomagent.emulator.CloudEmulator;
import com.roomagent.emulator.config.EmulatorConfig;
import com.roomagent.emulator.config.NodeConfig;
import com.roomagent.protocol.activation.ActivationCode;
import com.roomagent.protocol.activation.IssuedCode;
import com.roomagent.protocol.activation.PairingSession;
import com.roomagent.protocol.discovery.DiscoveryReport;
import com.roomagent.provisioning.identity.IdentityStore;
import com.roomagent.provisioning.qr.ActivationQrPayload;
import com.roomagent.provisioning.qr.GrayFrame;
import com.roomagent.provisioning.qr.QrCodes;
import com.roomagent.provisioning.qr.QrImages;
import com.roomagent.provisioning.qr.QrScanner;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The installer's three ways in, and factory reset, end to end: daemon, control socket, CLI, emulator. */
@Timeout(90)
class ProvisioningFlowsTest {
    /** Generous: the first TLS handshakes and key generations of a cold JVM are slow. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path configDir;

    @TempDir
    Path stateDir;

    @TempDir
    Path emulatorState;

    private CloudEmulator emulator;

    @BeforeEach
    void startEmulator() throws Exception {
        emulator = CloudEmulator.start(
                EmulatorConfig.loopback(NodeConfig.loopback("node-1").build()), emulatorState);
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    @Test
    void pairingShowsADecodableQrCodeAndApprovalProvisionsTheDevice() throws Exception {
        try (RunningAgent agent = RunningAgent.start(emulator, configDir, stateDir)) {
            PairingSession session = emulator.provisioning()
                    .awaitPendingPairing(WAIT)
                    .orElseGet(() -> fail("the device opened no pairing session"));
            ProvisioningStatus pairing = agent.awaitState(State.PAIRING, WAIT);
            assertEquals(session.pairingId(), pairing.pairing().orElseThrow().pairingId());
            agent.awaitScreen(session.shortCode(), WAIT);

            assertEquals(session.pairingUri().toString(), decode(agent.display(EmulatedDisplay.PAIRING_IMAGE)));
            assertTrue(agent.console().contains("Pairing code: " + session.shortCode()), agent.console());

            assertTrue(emulator.approvePairing(session.shortCode()));

            ProvisioningStatus provisioned = agent.awaitState(State.PROVISIONED, WAIT);
            String deviceId = provisioned.identity().orElseThrow().deviceId();
            DiscoveryReport report = emulator.reports()
                    .awaitLatest(deviceId, WAIT)
                    .orElseGet(() -> fail("no discovery report from " + deviceId));
            assertEquals(deviceId, report.deviceId());
            agent.awaitScreen("This device is provisioned: device " + deviceId, WAIT);
            assertFalse(Files.exists(agent.display(EmulatedDisplay.PAIRING_IMAGE)), "the QR code is gone");
            assertTrue(Files.exists(stateDir.resolve("identity/provisioned.properties")));
        }
    }

    @Test
    void activateCommandProvisionsTheRunningAgentWithAFreshCode() throws Exception {
        try (RunningAgent agent = RunningAgent.start(emulator, configDir, stateDir)) {
            IssuedCode code = emulator.issueCode("org-activate", Duration.ofMinutes(5));

            InProcessCli.Outcome outcome = activate(agent, code.activationCode());

            assertEquals(ExitCodes.OK, outcome.exitCode(), outcome.describe());
            String deviceId = emulator.activatedDevices().get(0).deviceId();
            assertTrue(
                    outcome.out().contains("Activated: this device is " + deviceId + " of organization org-activate"),
                    outcome.describe());
            assertTrue(emulator.reports().awaitLatest(deviceId, WAIT).isPresent(), "discovery under the new identity");

            InProcessCli.Outcome status = InProcessCli.run(withSettings(agent, "status"));
            assertEquals(ExitCodes.OK, status.exitCode(), status.describe());
            assertTrue(status.out().contains("State:        provisioned"), status.describe());
            assertTrue(status.out().contains(deviceId + " of organization org-activate"), status.describe());
        }
    }

    @Test
    void cameraSeesAnActivationQrCodeAndProvisionsTheDevice() throws Exception {
        IssuedCode code = emulator.issueCode("org-camera", Duration.ofMinutes(5));
        Path image = configDir.resolve("activation-qr.png");
        Files.write(
                image,
                QrImages.png(
                        QrCodes.encode(ActivationQrPayload.encode(ActivationCode.parse(code.activationCode()))), 8));

        requireGstreamer(image);

        try (RunningAgent agent = RunningAgent.start(
                emulator,
                configDir,
                stateDir,
                "provisioning.camera",
                "image:" + image,
                "provisioning.cameraScanInterval",
                "100ms")) {
            ProvisioningStatus provisioned = agent.awaitState(State.PROVISIONED, WAIT);

            assertEquals("org-camera", provisioned.identity().orElseThrow().organizationId());
            assertEquals(1, emulator.activatedDevices().size(), "the same QR code seen again is not sent again");
        }
    }

    @Test
    void factoryResetReturnsToProvisioningAndANewCodeWorks() throws Exception {
        try (RunningAgent agent = RunningAgent.start(emulator, configDir, stateDir)) {
            InProcessCli.Outcome first = activate(
                    agent, emulator.issueCode("org-a", Duration.ofMinutes(5)).activationCode());
            assertEquals(ExitCodes.OK, first.exitCode(), first.describe());
            agent.awaitState(State.PROVISIONED, WAIT);

            InProcessCli.Outcome refused = InProcessCli.run(withSettings(agent, "factory-reset"));
            assertEquals(ExitCodes.USAGE, refused.exitCode(), refused.describe());
            assertTrue(refused.err().contains("--yes"), refused.describe());

            InProcessCli.Outcome reset = InProcessCli.run(withSettings(agent, "factory-reset", "--yes"));

            assertEquals(ExitCodes.OK, reset.exitCode(), reset.describe());
            assertTrue(reset.out().contains("Factory reset done"), reset.describe());
            assertTrue(new IdentityStore(stateDir).load().isEmpty(), "the identity is wiped");
            assertFalse(Files.exists(stateDir.resolve("identity/provisioned.properties")));
            agent.awaitState(State.PAIRING, WAIT);
            assertTrue(agent.daemon().discovery().isEmpty(), "discovery stopped");

            InProcessCli.Outcome second = activate(
                    agent, emulator.issueCode("org-b", Duration.ofMinutes(5)).activationCode());

            assertEquals(ExitCodes.OK, second.exitCode(), second.describe());
            assertEquals(
                    "org-b",
                    agent.awaitState(State.PROVISIONED, WAIT)
                            .identity()
                            .orElseThrow()
                            .organizationId());
        }
    }

    @Test
    void factoryResetWithoutARunningAgentWipesTheStateDirectory() throws Exception {
        try (RunningAgent agent = RunningAgent.start(emulator, configDir, stateDir)) {
            activate(agent, emulator.issueCode("org-a", Duration.ofMinutes(5)).activationCode());
            agent.awaitState(State.PROVISIONED, WAIT);
        }

        InProcessCli.Outcome reset =
                InProcessCli.run(InProcessCli.command("factory-reset", configDir, stateDir, "--yes"));

        assertEquals(ExitCodes.OK, reset.exitCode(), reset.describe());
        assertTrue(reset.out().contains("no agent was running"), reset.describe());
        assertTrue(new IdentityStore(stateDir).load().isEmpty());
    }

    @Test
    void activateWithoutARunningAgentSaysHowToStartOne() {
        String code = emulator.issueCode("org-a", Duration.ofMinutes(5)).activationCode();

        InProcessCli.Outcome outcome = InProcessCli.run(InProcessCli.command("activate", configDir, stateDir, code));

        assertEquals(ExitCodes.AGENT_NOT_RUNNING, outcome.exitCode(), outcome.describe());
        assertTrue(outcome.err().contains("no agent is running"), outcome.describe());
        assertTrue(outcome.err().contains("systemctl start room-agent"), outcome.describe());
    }

    static InProcessCli.Outcome activate(RunningAgent agent, String code) {
        return InProcessCli.run(withSettings(agent, "activate", code));
    }

    /** {@code command} against the agent's directories and settings, then {@code rest}. */
    static List<String> withSettings(RunningAgent agent, String command, String... rest) {
        List<String> args = new ArrayList<>(InProcessCli.command(command, agent.configDir(), agent.stateDir()));
        args.addAll(agent.setArguments());
        args.addAll(List.of(rest));
        return args;
    }

    /** Fails with what to install when GStreamer cannot play the image. */
    private static void requireGstreamer(Path image) {
        try (FrameGrabber camera = FrameGrabber.open(CameraSource.imageFile(image))) {
            camera.nextFrame(Duration.ofSeconds(5));
        } catch (CameraException e) {
            fail("the camera test needs GStreamer 1.22 with its base and good plugins (make deps installs them): "
                    + e.getMessage());
        }
    }

    /** The text of the QR code in a PNG, read the way a phone would see the display. */
    private static String decode(Path png) throws Exception {
        BufferedImage image = ImageIO.read(png.toFile());
        byte[] luma = new byte[image.getWidth() * image.getHeight()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                luma[y * image.getWidth() + x] = (byte) (((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3);
            }
        }
        return QrScanner.scan(new GrayFrame(image.getWidth(), image.getHeight(), luma))
                .orElseGet(() -> fail("no QR code in " + png));
    }
}
