package com.roomagent.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.agent.control.ControlRequest;
import com.roomagent.agent.control.ControlResponse;
import com.roomagent.agent.daemon.RunningAgent;
import com.roomagent.agent.provisioning.ProvisioningStatus.State;
import com.roomagent.agent.proxy.TinyProxy;
import com.roomagent.emulator.CloudEmulator;
import com.roomagent.emulator.config.EmulatorConfig;
import com.roomagent.emulator.config.NodeConfig;
import com.roomagent.protocol.activation.ActivationCode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Activation through a real HTTP proxy (tinyproxy on loopback, R4): the agent tunnels with
 * CONNECT, authenticates with Basic, and every way the proxy fails has its own message on the CLI,
 * in status, on the display and the console; the password is never shown.
 */
@Timeout(90)
class ProxyActivationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String USER = "room";
    private static final String PASSWORD = "pr0xy-Secret-42";

    @TempDir
    Path configDir;

    @TempDir
    Path stateDir;

    @TempDir
    Path emulatorState;

    @TempDir
    Path proxyDir;

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

    private int cloudPort() {
        return emulator.signalingUri().getPort();
    }

    /** A device behind {@code proxy}, whose own retries wait long enough not to change the screen under the test. */
    private RunningAgent agent(String proxy, String... keyValues) throws Exception {
        Map<String, String> settings = RunningAgent.settings(emulator, keyValues);
        settings.put("network.httpProxy", proxy);
        settings.put("provisioning.retryInitialInterval", "30s");
        settings.put("provisioning.retryMaxInterval", "60s");
        return RunningAgent.start(configDir, stateDir, settings);
    }

    @Test
    void activationTunnelsThroughTheProxyToTheCloud() throws Exception {
        try (TinyProxy proxy = TinyProxy.start(proxyDir, cloudPort());
                RunningAgent agent = agent(proxy.hostAndPort())) {
            String code = emulator.issueCode("org-a", Duration.ofMinutes(5)).activationCode();

            InProcessCli.Outcome cli = ProvisioningFlowsTest.activate(agent, code);

            assertEquals(ExitCodes.OK, cli.exitCode(), cli.describe());
            agent.awaitState(State.PROVISIONED, WAIT);
            // tinyproxy answers CONNECT with "HTTP/1.0 200 Connection established": the JDK takes it.
            assertTrue(proxy.log().contains("CONNECT 127.0.0.1:" + cloudPort()), proxy.log());
        }
    }

    @Test
    void proxyForbiddingTheCloudsPortIsProxyRefused() throws Exception {
        int elsewhere = TinyProxy.freeTcpPort();
        try (TinyProxy proxy = TinyProxy.start(proxyDir, elsewhere);
                RunningAgent agent = agent(proxy.hostAndPort())) {
            String code = ActivationCode.generate(new SecureRandom()).formatted();

            ActivationFailuresTest.assertCliFailure(
                    agent,
                    code,
                    ExitCodes.CLOUD_UNREACHABLE,
                    "proxy-refused",
                    "The HTTP proxy " + proxy.hostAndPort() + " refused to connect to 127.0.0.1:" + cloudPort()
                            + " (HTTP 403); ask the network administrator to allow HTTPS to 127.0.0.1");
        }
    }

    @Test
    void proxyAskingForCredentialsTheDeviceLacksIsProxyAuthRequired() throws Exception {
        try (TinyProxy proxy = TinyProxy.start(proxyDir, USER, PASSWORD, cloudPort());
                RunningAgent agent = agent(proxy.hostAndPort())) {
            String code = ActivationCode.generate(new SecureRandom()).formatted();

            ActivationFailuresTest.assertCliFailure(
                    agent,
                    code,
                    ExitCodes.CLOUD_UNREACHABLE,
                    "proxy-auth-required",
                    "(HTTP 407) and the device has no credentials for it: set network.httpProxyUser and"
                            + " network.httpProxyPassword");
        }
    }

    @Test
    void rightCredentialsGoThroughTheTunnelWithBasic() throws Exception {
        try (TinyProxy proxy = TinyProxy.start(proxyDir, USER, PASSWORD, cloudPort());
                RunningAgent agent = agent(
                        proxy.hostAndPort(), "network.httpProxyUser", USER, "network.httpProxyPassword", PASSWORD)) {
            String code = emulator.issueCode("org-a", Duration.ofMinutes(5)).activationCode();

            InProcessCli.Outcome cli = ProvisioningFlowsTest.activate(agent, code);

            // Only possible with jdk.http.auth.tunneling.disabledSchemes cleared (ProxyTunneling).
            assertEquals(ExitCodes.OK, cli.exitCode(), cli.describe());
            agent.awaitState(State.PROVISIONED, WAIT);
        }
    }

    @Test
    void wrongPasswordIsProxyAuthRequiredAndNeverShown() throws Exception {
        String wrong = "not-the-" + PASSWORD;
        PrintStream standardError = System.err;
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
        try (TinyProxy proxy = TinyProxy.start(proxyDir, USER, PASSWORD, cloudPort());
                RunningAgent agent =
                        agent(proxy.hostAndPort(), "network.httpProxyUser", USER, "network.httpProxyPassword", wrong)) {
            String code = ActivationCode.generate(new SecureRandom()).formatted();

            InProcessCli.Outcome cli = ActivationFailuresTest.assertCliFailure(
                    agent,
                    code,
                    ExitCodes.CLOUD_UNREACHABLE,
                    "proxy-auth-required",
                    "refused the device's credentials: check network.httpProxyUser and network.httpProxyPassword");
            InProcessCli.Outcome status = InProcessCli.run(ProvisioningFlowsTest.withSettings(agent, "status"));
            InProcessCli.Outcome config = InProcessCli.run(ProvisioningFlowsTest.withSettings(agent, "config"));
            ControlResponse socket = agent.send(ControlRequest.status());

            assertTrue(config.out().contains("(set, not shown)"), config.describe());
            for (String shown : new String[] {
                cli.describe(), status.describe(), config.describe(), socket.toString(), agent.console(), agent.screen()
            }) {
                assertFalse(shown.contains(wrong), shown);
            }
        } finally {
            System.setErr(standardError);
        }
        String logged = logs.toString(StandardCharsets.UTF_8);
        assertFalse(logged.contains(wrong), logged);
    }

    @Test
    void proxyAddressWithNothingListeningIsProxyUnreachable() throws Exception {
        String nothing = "127.0.0.1:" + TinyProxy.freeTcpPort();
        try (RunningAgent agent = agent(nothing)) {
            String code = ActivationCode.generate(new SecureRandom()).formatted();

            ActivationFailuresTest.assertCliFailure(
                    agent,
                    code,
                    ExitCodes.CLOUD_UNREACHABLE,
                    "proxy-unreachable",
                    "The device cannot connect to its HTTP proxy at " + nothing + " (connection refused)");
        }
    }
}
