package com.roomagent.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.emulator.CloudEmulator;
import com.roomagent.emulator.config.EmulatorConfig;
import com.roomagent.emulator.config.NodeConfig;
import com.roomagent.protocol.discovery.MediaNode;
import com.roomagent.protocol.discovery.MediaTransport;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code room-agent probe} against a media node of the cloud emulator, which frames STUN over TCP
 * and TLS as RFC 4571 says: the {@code --framing} and {@code --trust} options at work.
 */
@Timeout(60)
class ProbeCommandEmulatorTest {
    @TempDir
    static Path emulatorState;

    @TempDir
    Path configDir;

    @TempDir
    Path stateDir;

    private static CloudEmulator emulator;
    private static MediaNode node;

    @BeforeAll
    static void startEmulator() throws Exception {
        emulator = CloudEmulator.start(
                EmulatorConfig.loopback(NodeConfig.loopback("node-1").build()), emulatorState);
        node = emulator.nodeList().nodes().get(0);
    }

    @AfterAll
    static void stopEmulator() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void tcpProbeWithRfc4571FramingReachesAMediaNode() {
        InProcessCli.Outcome outcome = probe(MediaTransport.TCP, "--protocol", "tcp", "--framing", "rfc4571");

        assertEquals(ExitCodes.OK, outcome.exitCode(), outcome::describe);
        assertTrue(outcome.out().contains(": reachable, median RTT "), outcome::describe);
        assertTrue(outcome.out().contains("mapped address 127.0.0.1:"), outcome::describe);
    }

    @Test
    void tcpProbeWithPlainFramingGetsNoAnswerFromAMediaNodeAndExitsWithOne() {
        InProcessCli.Outcome outcome = probe(
                MediaTransport.TCP,
                "--protocol",
                "tcp",
                "--samples",
                "1",
                "--set",
                "discovery.streamResponseTimeout=500ms");

        assertEquals(ExitCodes.FAILED, outcome.exitCode(), outcome::describe);
        assertTrue(
                Pattern.compile(": unreachable \\((timeout|bad-response)\\)")
                        .matcher(outcome.out())
                        .find(),
                outcome::describe);
    }

    @Test
    void tlsProbeWithRfc4571FramingReachesAMediaNodeTrustingTheCloudCa() {
        InProcessCli.Outcome outcome = probe(
                MediaTransport.TLS,
                "--protocol",
                "tls",
                "--framing",
                "rfc4571",
                "--trust",
                emulator.caCertificate().toString());

        assertEquals(ExitCodes.OK, outcome.exitCode(), outcome::describe);
        assertTrue(outcome.out().startsWith("tls " + target(MediaTransport.TLS) + ": reachable"), outcome::describe);
    }

    @Test
    void tlsProbeWithoutTheCloudCaFailsOnTheCertificate() {
        InProcessCli.Outcome outcome =
                probe(MediaTransport.TLS, "--protocol", "tls", "--framing", "rfc4571", "--samples", "1");

        assertEquals(ExitCodes.FAILED, outcome.exitCode(), outcome::describe);
        assertTrue(outcome.out().contains(": unreachable (tls-failure)"), outcome::describe);
    }

    private InProcessCli.Outcome probe(MediaTransport transport, String... options) {
        List<String> args = InProcessCli.command("probe", configDir, stateDir, target(transport));
        args.addAll(List.of(options));
        return InProcessCli.run(args);
    }

    private static String target(MediaTransport transport) {
        return node.host() + ":" + node.port(transport).orElseThrow();
    }
}
