package com.roomagent.agent.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.agent.discovery.ProbeSettings;
import com.roomagent.agent.discovery.Ticker;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.discovery.PairResult;
import com.roomagent.protocol.discovery.ProbeFailure;
import com.roomagent.protocol.stun.ErrorCode;
import com.roomagent.protocol.stun.StunEncoder;
import com.roomagent.protocol.stun.StunMessage;
import com.roomagent.protocol.stun.TransactionId;
import com.roomagent.protocol.stun.XorMappedAddress;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class UdpStunProberTest {
    /** RTO 100 ms, Rc 4, Rm 4: transmissions at 0, 100, 300, 700 ms, given up at 1.1 s. */
    private static final ProbeSettings SETTINGS = ProbeSettings.defaults().toBuilder()
            .udpInitialRto(Duration.ofMillis(100))
            .udpMaxTransmissions(4)
            .udpFinalWaitMultiplier(4)
            .sampleInterval(Duration.ofMillis(10))
            .build();

    private final UdpStunProber prober = new UdpStunProber(SETTINGS, Ticker.system(), Pause.real());
    private ScriptedUdpStunServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyAnsweredSampleCountsAndTheMappedAddressIsOurs() throws Exception {
        server = new ScriptedUdpStunServer((request, from, n) -> List.of(ScriptedUdpStunServer.success(request, from)));

        PairResult result = prober.probe(target());

        assertTrue(result.reachable(), result::toString);
        assertEquals(3, result.samplesSent());
        assertEquals(3, result.rttSamplesMillis().size());
        assertTrue(result.mappedAddress().startsWith("127.0.0.1:"), result.mappedAddress());
        assertNull(result.detail());
        assertEquals(3, server.received(), "no retransmission when every request is answered");
    }

    @Test
    void aLostFirstTransmissionIsRecoveredByRetransmittingTheSameTransaction() throws Exception {
        Set<TransactionId> seen = new HashSet<>();
        server = new ScriptedUdpStunServer((request, from, n) ->
                seen.add(request.transactionId()) ? List.of() : List.of(ScriptedUdpStunServer.success(request, from)));

        PairResult result = prober.probe(target());

        assertTrue(result.reachable(), result::toString);
        assertEquals(3, result.samplesSent(), "transactions, not transmissions");
        assertEquals(6, server.received(), "each request sent twice with its transaction id");
        assertEquals(3, seen.size());
        assertTrue(result.medianRttMillis() >= 100, "RTT counts from the first transmission: " + result);
        assertTrue(result.detail().startsWith("3 of 3 answers came after a retransmission"), result.detail());
    }

    @Test
    void garbageAndAnAnswerToAnotherTransactionDoNotSpoilTheSample() throws Exception {
        byte[] garbage = "SSH-2.0-OpenSSH_9.2\r\n".getBytes(StandardCharsets.US_ASCII);
        server = new ScriptedUdpStunServer((request, from, n) -> List.of(
                garbage,
                StunEncoder.encode(
                        StunMessage.bindingSuccess(
                                TransactionId.random(), new XorMappedAddress(new InetSocketAddress("10.9.9.9", 9))),
                        null,
                        false),
                ScriptedUdpStunServer.success(request, from)));

        PairResult result = prober.probe(target());

        assertTrue(result.reachable(), result::toString);
        assertEquals(3, result.rttSamplesMillis().size());
        assertTrue(result.mappedAddress().startsWith("127.0.0.1:"), "not the stray's address: " + result);
        assertEquals(3, server.received(), "a stray is no reason to retransmit");
    }

    @Test
    void onlyGarbageIsABadResponseNotATimeout() throws Exception {
        byte[] garbage = "garbage".getBytes(StandardCharsets.US_ASCII);
        server = new ScriptedUdpStunServer((request, from, n) -> List.of(garbage));

        PairResult result = prober.probe(target());

        assertFalse(result.reachable());
        assertEquals(ProbeFailure.BAD_RESPONSE, result.failure());
        assertTrue(
                result.detail()
                        .startsWith("no valid STUN response from " + hostPort() + " to 4 transmissions"
                                + " over 1.1 s; received 4 malformed packets"),
                result.detail());
    }

    @Test
    void silenceIsATimeoutAfterRcTransmissionsAndTheFinalWait() throws Exception {
        server = new ScriptedUdpStunServer((request, from, n) -> List.of());
        long start = System.nanoTime();

        PairResult result = prober.probe(target());

        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(ProbeFailure.TIMEOUT, result.failure());
        assertEquals("no answer from " + hostPort() + " to 4 transmissions over 1.1 s", result.detail());
        assertEquals(1, result.samplesSent(), "a silent path costs one transaction, not three");
        assertEquals(4, server.received());
        assertTrue(elapsedMillis >= 1_090 && elapsedMillis < 3_000, "took " + elapsedMillis + " ms");
    }

    @Test
    void anErrorResponseIsABadResponseNamingTheCode() throws Exception {
        server = new ScriptedUdpStunServer((request, from, n) -> List.of(StunEncoder.encode(
                StunMessage.bindingError(request.transactionId(), new ErrorCode(400, "Bad Request")), null, false)));

        PairResult result = prober.probe(target());

        assertEquals(ProbeFailure.BAD_RESPONSE, result.failure());
        assertEquals(hostPort() + " answered with error response 400 Bad Request", result.detail());
    }

    @Test
    void aClosedPortIsRefusedThroughIcmp() throws Exception {
        int closedPort;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }

        PairResult result = prober.probe(new ProbeTarget("closed", MediaTransport.UDP, "127.0.0.1", closedPort));

        assertEquals(ProbeFailure.REFUSED, result.failure(), result::toString);
        assertEquals("port unreachable (ICMP) from 127.0.0.1:" + closedPort, result.detail());
    }

    private ProbeTarget target() {
        return new ProbeTarget(
                "node-a", MediaTransport.UDP, "127.0.0.1", server.address().getPort());
    }

    private String hostPort() {
        return "127.0.0.1:" + server.address().getPort();
    }
}
