package com.roomagent.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.agent.control.ControlRequest;
import com.roomagent.agent.control.ControlResponse;
import com.roomagent.agent.daemon.RunningAgent;
import com.roomagent.agent.discovery.MutableClock;
import com.roomagent.agent.provisioning.ProvisioningStatus.State;
import com.roomagent.emulator.CloudEmulator;
import com.roomagent.emulator.config.EmulatorConfig;
import com.roomagent.emulator.config.NodeConfig;
import com.roomagent.emulator.config.RateLimitConfig;
import com.roomagent.emulator.config.SignalingConfig;
import com.roomagent.protocol.activation.ActivationCode;
import com.roomagent.protocol.activation.ActivationRequest;
import com.roomagent.provisioning.identity.CertificateRequests;
import com.roomagent.provisioning.identity.DeviceKeys;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way an activation fails gives its own message, and the same message reaches the CLI, the
 * control socket (the last failure in status), the display and the console.
 */
@Timeout(60)
class ActivationFailuresTest {
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

    /** A device on {@code cloud}, whose own retries wait long enough not to change the screen under the test. */
    private RunningAgent agent(CloudEmulator cloud, String... keyValues) throws Exception {
        Map<String, String> settings = RunningAgent.settings(cloud, keyValues);
        settings.put("provisioning.retryInitialInterval", "30s");
        settings.put("provisioning.retryMaxInterval", "60s");
        return RunningAgent.start(configDir, stateDir, settings);
    }

    @Test
    void malformedCodeIsCaughtOnTheDevice() throws Exception {
        try (RunningAgent agent = agent(emulator)) {
            InProcessCli.Outcome cli = ProvisioningFlowsTest.activate(agent, "12a4-5678-9012-3456");
            assertEquals(ExitCodes.CODE_WRONG, cli.exitCode(), cli.describe());
            assertTrue(cli.err().contains("(malformed-code)"), cli.describe());
            assertTrue(cli.err().contains("character 3"), cli.describe());

            ControlResponse socket = agent.send(ControlRequest.activate("12a4-5678-9012-3456"));
            assertFailureEverywhere(
                    agent, socket, "malformed-code", "character 3 of the activation code is not a digit");
        }
    }

    @Test
    void wrongCheckDigitIsCaughtWithoutAnyNetworkCall() throws Exception {
        try (RunningAgent agent = agent(emulator, "cloud.signalingUrl", closedPort())) {
            String mistyped =
                    mistype(emulator.issueCode("org-a", Duration.ofMinutes(5)).activationCode(), 11);

            InProcessCli.Outcome cli = ProvisioningFlowsTest.activate(agent, mistyped);
            assertEquals(ExitCodes.CODE_WRONG, cli.exitCode(), cli.describe());
            assertTrue(cli.err().contains("(check-digit)"), cli.describe());
            assertTrue(cli.err().contains("group 3"), cli.describe());
            assertTrue(cli.err().contains("Nothing was sent"), cli.describe());

            // The same code straight on the socket: the agent checks it too, before its (closed) cloud.
            // Not checked in status: the pairing loop's own attempts at the closed cloud record
            // their failure there too, in an order no test controls.
            ControlResponse socket = agent.send(ControlRequest.activate(mistyped));
            assertFailureAnsweredAndShown(
                    agent, socket, "check-digit", "group 3 of the activation code (digits 9 to 12)");
        }
    }

    @Test
    void unknownCodeIsReportedAsSuch() throws Exception {
        try (RunningAgent agent = agent(emulator)) {
            String neverIssued = ActivationCode.generate(new SecureRandom()).formatted();

            assertCliFailure(
                    agent, neverIssued, ExitCodes.CODE_REFUSED, "unknown-code", "does not know this activation code");
        }
    }

    @Test
    void usedCodeIsReportedAsSuch() throws Exception {
        String code = emulator.issueCode("org-a", Duration.ofMinutes(5)).activationCode();
        emulator.provisioning()
                .activate(new ActivationRequest(
                        ActivationCode.parse(code).digits(),
                        CertificateRequests.csrPem(DeviceKeys.generate(), "another device"),
                        "emulated-board",
                        "ANOTHER"));
        try (RunningAgent agent = agent(emulator)) {
            assertCliFailure(agent, code, ExitCodes.CODE_REFUSED, "code-used", "already activated a device");
        }
    }

    @Test
    void expiredCodeIsReportedAsSuch() throws Exception {
        MutableClock cloudClock = new MutableClock(Instant.now());
        try (CloudEmulator clocked = CloudEmulator.start(
                        EmulatorConfig.loopback(NodeConfig.loopback("node-1").build()),
                        emulatorState.resolve("clocked"),
                        cloudClock);
                RunningAgent agent = agent(clocked)) {
            String code = clocked.issueCode("org-a", Duration.ofMinutes(1)).activationCode();
            cloudClock.advance(Duration.ofMinutes(2));

            assertCliFailure(agent, code, ExitCodes.CODE_REFUSED, "code-expired", "This activation code has expired");
        }
    }

    @Test
    void rateLimitSaysWhenTheDeviceTriesAgain() throws Exception {
        EmulatorConfig oneAttemptAnHour = EmulatorConfig.loopback(
                        NodeConfig.loopback("node-1").build())
                .withSignaling(SignalingConfig.loopbackEphemeral()
                        .withActivationRateLimit(new RateLimitConfig(1, Duration.ofHours(1))));
        try (CloudEmulator limited = CloudEmulator.start(oneAttemptAnHour, emulatorState.resolve("limited"));
                RunningAgent agent = agent(limited)) {
            agent.awaitState(State.PAIRING, WAIT); // the pairing session took the one attempt
            String code = limited.issueCode("org-a", Duration.ofMinutes(5)).activationCode();

            InProcessCli.Outcome cli =
                    assertCliFailure(agent, code, ExitCodes.TRY_LATER, "rate-limited", "too many activation attempts");
            assertTrue(retryIn(cli) > 3000, "the cloud's hour, not the device's backoff: " + cli.describe());
        }
    }

    @Test
    void closedPortIsUnreachableAtTcp() throws Exception {
        try (RunningAgent agent = agent(emulator, "cloud.signalingUrl", closedPort())) {
            String code = ActivationCode.generate(new SecureRandom()).formatted();

            InProcessCli.Outcome cli = assertCliFailure(
                    agent, code, ExitCodes.CLOUD_UNREACHABLE, "cloud-unreachable-tcp", "cannot connect to the cloud");
            assertTrue(retryIn(cli) >= 1, "the device retries by itself: " + cli.describe());
        }
    }

    @Test
    void unresolvableNameIsUnreachableAtDns() throws Exception {
        try (RunningAgent agent = agent(emulator, "cloud.signalingUrl", "https://cloud.invalid")) {
            String code = ActivationCode.generate(new SecureRandom()).formatted();

            assertCliFailure(
                    agent,
                    code,
                    ExitCodes.CLOUD_UNREACHABLE,
                    "cloud-unreachable-dns",
                    "cloud.invalid does not resolve");
        }
    }

    @Test
    void untrustedCloudCertificateIsRejected() throws Exception {
        Path otherAnchor =
                Path.of(getClass().getResource("/discovery/test-anchor.pem").toURI());
        try (RunningAgent agent = agent(emulator, "cloud.trustAnchors", otherAnchor.toString())) {
            String code = emulator.issueCode("org-a", Duration.ofMinutes(5)).activationCode();

            assertCliFailure(
                    agent, code, ExitCodes.TRUST_OR_CLOCK, "certificate-rejected", "does not trust the certificate");
        }
    }

    @Test
    void deviceClockOutsideTheCertificatesValidityIsTheClock() throws Exception {
        // A cloud whose CA and certificates start three years from now, as a device whose clock
        // lags three years sees a correct cloud.
        Clock future = Clock.offset(Clock.systemUTC(), Duration.ofDays(3 * 365));
        try (CloudEmulator ahead = CloudEmulator.start(
                        EmulatorConfig.loopback(NodeConfig.loopback("node-1").build()),
                        emulatorState.resolve("future"),
                        future);
                RunningAgent agent = agent(ahead)) {
            String code = ahead.issueCode("org-a", Duration.ofMinutes(5)).activationCode();

            assertCliFailure(agent, code, ExitCodes.TRUST_OR_CLOCK, "clock-far-off", "The device's clock says");
        }
    }

    /** Activates with the CLI and checks the failure on the CLI, the socket, the display and the console. */
    static InProcessCli.Outcome assertCliFailure(
            RunningAgent agent, String code, int exitCode, String error, String text) throws Exception {
        InProcessCli.Outcome cli = ProvisioningFlowsTest.activate(agent, code);
        assertEquals(exitCode, cli.exitCode(), cli.describe());
        assertTrue(cli.err().contains("activation failed (" + error + ")"), cli.describe());
        assertTrue(cli.err().contains(text), cli.describe());
        assertFalse(cli.err().contains(code), "the CLI does not repeat the code");

        InProcessCli.Outcome json = InProcessCli.run(ProvisioningFlowsTest.withSettings(agent, "status", "--json"));
        assertTrue(json.out().contains("\"lastFailure\":{\"error\":\"" + error + "\""), json.describe());

        ControlResponse.Failure last = agent.send(ControlRequest.status()).lastFailure();
        assertEquals(error, last.error(), last.toString());
        assertTrue(last.message().contains(text), last.message());
        agent.awaitScreen(text, WAIT);
        assertTrue(agent.console().contains(text), agent.console());
        return cli;
    }

    /** The seconds the CLI says the agent waits before trying again; -1 when it says none. */
    private static long retryIn(InProcessCli.Outcome cli) {
        String marker = "tries again by itself in ";
        int at = cli.err().indexOf(marker);
        if (at < 0) {
            return -1;
        }
        String rest = cli.err().substring(at + marker.length());
        return Long.parseLong(rest.substring(0, rest.indexOf(' ')));
    }

    private static void assertFailureEverywhere(RunningAgent agent, ControlResponse answer, String error, String text)
            throws Exception {
        assertFailureAnsweredAndShown(agent, answer, error, text);
        ControlResponse status = agent.send(ControlRequest.status());
        assertEquals(error, status.lastFailure().error(), status.toString());
    }

    private static void assertFailureAnsweredAndShown(
            RunningAgent agent, ControlResponse answer, String error, String text) throws Exception {
        assertFalse(answer.ok(), answer.toString());
        assertEquals(error, answer.error(), answer.toString());
        assertTrue(answer.message().contains(text), answer.message());
        agent.awaitScreen(text, WAIT);
        assertTrue(agent.console().contains(text), agent.console());
    }

    /** {@code code} with digit {@code index} (0-based, separators excluded) changed. */
    private static String mistype(String code, int index) throws Exception {
        String digits = ActivationCode.parse(code).digits();
        char wrong = digits.charAt(index) == '9' ? '0' : (char) (digits.charAt(index) + 1);
        return digits.substring(0, index) + wrong + digits.substring(index + 1);
    }

    private static String closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "https://127.0.0.1:" + socket.getLocalPort();
        }
    }
}
