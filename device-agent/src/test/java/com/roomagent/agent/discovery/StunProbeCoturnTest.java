package com.roomagent.agent.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.agent.testing.Coturn;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.discovery.PairResult;
import com.roomagent.protocol.framing.StreamFraming;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StunProbe} against coturn, a STUN server we did not write: proof that the probe speaks
 * plain RFC 5389 over UDP and over TCP without framing (section 7.2.2), not just our emulator's
 * dialect. coturn runs as a child process on a free loopback port.
 */
@Timeout(60)
class StunProbeCoturnTest {
    @TempDir
    static Path workDir;

    private static Coturn coturn;
    private static InetSocketAddress address;

    @BeforeAll
    static void startCoturn() throws Exception {
        coturn = Coturn.start(workDir);
        address = coturn.address();
    }

    @AfterAll
    static void stopCoturn() {
        if (coturn != null) {
            coturn.close();
        }
    }

    @Test
    void coturnAnswersOverUdpWithOurLoopbackAddress() {
        PairResult result = StunProbe.probe(
                address, MediaTransport.Protocol.UDP, StreamFraming.PLAIN_STUN, null, ProbeSettings.defaults());

        assertTrue(result.reachable(), result::toString);
        assertEquals(MediaTransport.UDP, result.transport());
        assertEquals("127.0.0.1:" + address.getPort(), result.nodeId());
        assertEquals(3, result.rttSamplesMillis().size());
        assertTrue(result.mappedAddress().startsWith("127.0.0.1:"), result.mappedAddress());
        assertNull(result.failure());
    }

    @Test
    void coturnAnswersOverTcpWithPlainStunFraming() {
        PairResult result = StunProbe.probe(
                address, MediaTransport.Protocol.TCP, StreamFraming.PLAIN_STUN, null, ProbeSettings.defaults());

        assertTrue(result.reachable(), result::toString);
        assertEquals(MediaTransport.TCP, result.transport());
        assertEquals(3, result.rttSamplesMillis().size());
        assertTrue(result.mappedAddress().startsWith("127.0.0.1:"), result.mappedAddress());
    }
}
