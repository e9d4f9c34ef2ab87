package com.roomagent.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.agent.testing.Coturn;
import com.roomagent.protocol.discovery.DiscoveryJson;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.discovery.PairResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code room-agent probe} against coturn: the command works with a STUN server we did not write. */
@Timeout(60)
class ProbeCommandCoturnTest {
    @TempDir
    static Path coturnDir;

    @TempDir
    Path configDir;

    @TempDir
    Path stateDir;

    private static Coturn coturn;

    @BeforeAll
    static void startCoturn() throws Exception {
        coturn = Coturn.start(coturnDir);
    }

    @AfterAll
    static void stopCoturn() {
        if (coturn != null) {
            coturn.close();
        }
    }

    @Test
    void udpProbePrintsReachableWithOurLoopbackMappedAddress() {
        InProcessCli.Outcome outcome = probe("--protocol", "udp");

        assertEquals(ExitCodes.OK, outcome.exitCode(), outcome::describe);
        assertTrue(outcome.out().startsWith("udp " + coturn.target() + ": reachable, median RTT "), outcome::describe);
        assertTrue(outcome.out().contains("over 3 of 3 samples"), outcome::describe);
        assertTrue(outcome.out().contains("mapped address 127.0.0.1:"), outcome::describe);
    }

    @Test
    void tcpProbeUsesPlainStunFramingByDefault() {
        InProcessCli.Outcome outcome = probe("--protocol", "tcp");

        assertEquals(ExitCodes.OK, outcome.exitCode(), outcome::describe);
        assertTrue(outcome.out().startsWith("tcp " + coturn.target() + ": reachable"), outcome::describe);
        assertTrue(outcome.out().contains("mapped address 127.0.0.1:"), outcome::describe);
    }

    @Test
    void jsonPrintsTheResultAsAPairResult() throws Exception {
        InProcessCli.Outcome outcome = probe("--protocol", "udp", "--samples", "2", "--json");

        assertEquals(ExitCodes.OK, outcome.exitCode(), outcome::describe);
        PairResult result = DiscoveryJson.mapper().readValue(outcome.out(), PairResult.class);
        assertTrue(result.reachable(), result::toString);
        assertEquals(coturn.target(), result.nodeId());
        assertEquals(MediaTransport.UDP, result.transport());
        assertEquals(2, result.samplesSent());
        assertTrue(result.mappedAddress().startsWith("127.0.0.1:"), result::toString);
    }

    private InProcessCli.Outcome probe(String... options) {
        List<String> args = InProcessCli.command("probe", configDir, stateDir, coturn.target());
        args.addAll(List.of(options));
        return InProcessCli.run(args);
    }
}
