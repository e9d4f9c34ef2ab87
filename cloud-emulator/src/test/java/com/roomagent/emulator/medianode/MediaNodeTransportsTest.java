package com.roomagent.emulator.medianode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.emulator.CaTrust;
import com.roomagent.emulator.CloudEmulator;
import com.roomagent.emulator.config.EmulatorConfig;
import com.roomagent.emulator.config.NodeConfig;
import com.roomagent.emulator.config.TransportMode;
import com.roomagent.protocol.discovery.MediaNode;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.stun.ErrorCode;
import com.roomagent.protocol.stun.StunClass;
import com.roomagent.protocol.stun.TransactionId;
import com.roomagent.protocol.stun.XorMappedAddress;
import java.net.ConnectException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Media nodes over real loopback sockets, one emulator for the class, every wait bounded. */
class MediaNodeTransportsTest {
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SILENCE = Duration.ofMillis(400);
    private static final Duration SLOW_DELAY = Duration.ofMillis(150);

    @TempDir
    static Path stateDir;

    private static CloudEmulator emulator;
    private static SSLContext trustingCa;

    @BeforeAll
    static void start() throws Exception {
        NodeConfig serving = NodeConfig.loopback("serving").build();
        NodeConfig dropping = allModes(NodeConfig.loopback("dropping"), TransportMode.DROP);
        NodeConfig closed = allModes(NodeConfig.loopback("closed"), TransportMode.CLOSED);
        NodeConfig badCertificate = NodeConfig.loopback("bad-certificate")
                .mode(MediaTransport.TLS, TransportMode.BAD_CERTIFICATE)
                .build();
        NodeConfig slow = NodeConfig.loopback("slow").delay(SLOW_DELAY).build();
        emulator =
                CloudEmulator.start(EmulatorConfig.loopback(serving, dropping, closed, badCertificate, slow), stateDir);
        trustingCa = CaTrust.trusting(emulator.caCertificate());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void udpAnswersWithTheClientsAddress() throws Exception {
        assertAnswersOverUdp(target("serving", MediaTransport.UDP));
    }

    @Test
    void udpLastResortAnswersWithTheClientsAddress() throws Exception {
        assertAnswersOverUdp(target("serving", MediaTransport.UDP_LAST_RESORT));
    }

    @Test
    void tcpAnswersInRfc4571FramesWithTheClientsAddress() throws Exception {
        try (Socket socket = connect(target("serving", MediaTransport.TCP))) {
            assertSuccessFor(socket.getLocalSocketAddress(), StunProbe.stream(socket, request(), ANSWER_TIMEOUT));
        }
    }

    @Test
    void tlsAnswersWithACertificateIssuedByTheCaForTheNodesAddress() throws Exception {
        try (SSLSocket socket = CaTrust.connect(trustingCa, target("serving", MediaTransport.TLS), ANSWER_TIMEOUT)) {
            assertSuccessFor(socket.getLocalSocketAddress(), StunProbe.stream(socket, request(), ANSWER_TIMEOUT));
        }
    }

    @Test
    void streamConnectionAnswersSeveralRequestsInTurn() throws Exception {
        try (Socket socket = connect(target("serving", MediaTransport.TCP))) {
            for (int i = 0; i < 3; i++) {
                assertSuccessFor(socket.getLocalSocketAddress(), StunProbe.stream(socket, request(), ANSWER_TIMEOUT));
            }
        }
    }

    @Test
    void dropModeNeverAnswersUdp() throws Exception {
        assertTrue(StunProbe.udp(target("dropping", MediaTransport.UDP), request(), SILENCE)
                .isEmpty());
    }

    @Test
    void dropModeAcceptsTcpButNeverAnswers() throws Exception {
        try (Socket socket = connect(target("dropping", MediaTransport.TCP))) {
            assertTrue(StunProbe.stream(socket, request(), SILENCE).isEmpty());
        }
    }

    @Test
    void dropModeNeverCompletesATlsHandshake() {
        assertThrows(
                java.net.SocketTimeoutException.class,
                () -> CaTrust.connect(trustingCa, target("dropping", MediaTransport.TLS), SILENCE)
                        .close());
    }

    @Test
    void closedModeRefusesTcp() {
        assertThrows(
                ConnectException.class,
                () -> connect(target("closed", MediaTransport.TCP)).close());
    }

    @Test
    void closedModeRefusesTls() {
        assertThrows(
                ConnectException.class,
                () -> connect(target("closed", MediaTransport.TLS)).close());
    }

    @Test
    void closedModeAnswersUdpWithPortUnreachable() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            // Only a connected socket learns of the ICMP port unreachable the kernel receives.
            socket.connect(target("closed", MediaTransport.UDP));
            assertThrows(
                    PortUnreachableException.class,
                    () -> StunProbe.udp(socket, target("closed", MediaTransport.UDP), request(), ANSWER_TIMEOUT));
        }
    }

    @Test
    void badCertificateModeFailsValidationAgainstTheCa() {
        assertThrows(
                SSLHandshakeException.class,
                () -> CaTrust.connect(trustingCa, target("bad-certificate", MediaTransport.TLS), ANSWER_TIMEOUT)
                        .close());
    }

    @Test
    void unknownRequiredAttributeGets420OverUdp() throws Exception {
        TransactionId id = TransactionId.random();
        byte[] request = BindingResponderTest.withUnknownRequiredAttribute(StunClass.REQUEST, id, 0x7F31);

        StunProbe.Reply reply = StunProbe.udp(target("serving", MediaTransport.UDP), request, ANSWER_TIMEOUT)
                .orElseThrow();

        assertEquals(StunClass.ERROR_RESPONSE, reply.response().messageClass());
        assertEquals(id, reply.response().transactionId());
        assertEquals(
                420, reply.response().attribute(ErrorCode.class).orElseThrow().code());
    }

    @Test
    void malformedDatagramIsIgnoredAndTheNodeKeepsServing() throws Exception {
        InetSocketAddress target = target("serving", MediaTransport.UDP);
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            assertTrue(StunProbe.udp(socket, target, new byte[] {1, 2, 3, 4, 5}, SILENCE)
                    .isEmpty());
            assertSuccessFor(socket.getLocalSocketAddress(), StunProbe.udp(socket, target, request(), ANSWER_TIMEOUT));
        }
    }

    @Test
    void malformedFrameIsIgnoredAndTheConnectionKeepsServing() throws Exception {
        try (Socket socket = connect(target("serving", MediaTransport.TCP))) {
            assertTrue(StunProbe.stream(socket, new byte[] {(byte) 0xFF, 0, 0, 0}, SILENCE)
                    .isEmpty());
            assertSuccessFor(socket.getLocalSocketAddress(), StunProbe.stream(socket, request(), ANSWER_TIMEOUT));
        }
    }

    @Test
    void delayedNodeAnswersNoSoonerThanItsDelay() throws Exception {
        StunProbe.Reply udp = StunProbe.udp(target("slow", MediaTransport.UDP), request(), ANSWER_TIMEOUT)
                .orElseThrow();
        assertTrue(udp.roundTrip().compareTo(SLOW_DELAY) >= 0, "UDP round trip " + udp.roundTrip());

        try (Socket socket = connect(target("slow", MediaTransport.TCP))) {
            StunProbe.Reply tcp =
                    StunProbe.stream(socket, request(), ANSWER_TIMEOUT).orElseThrow();
            assertTrue(tcp.roundTrip().compareTo(SLOW_DELAY) >= 0, "TCP round trip " + tcp.roundTrip());
        }
    }

    private static void assertAnswersOverUdp(InetSocketAddress target) throws Exception {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            assertSuccessFor(socket.getLocalSocketAddress(), StunProbe.udp(socket, target, request(), ANSWER_TIMEOUT));
        }
    }

    private static void assertSuccessFor(java.net.SocketAddress client, java.util.Optional<StunProbe.Reply> reply) {
        StunProbe.Reply answered = reply.orElseThrow(() -> new AssertionError("no answer within " + ANSWER_TIMEOUT));
        assertEquals(StunClass.SUCCESS_RESPONSE, answered.response().messageClass());
        assertEquals(
                client,
                answered.response()
                        .attribute(XorMappedAddress.class)
                        .orElseThrow()
                        .address());
    }

    private static byte[] request() {
        return StunProbe.bindingRequest(TransactionId.random());
    }

    private static Socket connect(InetSocketAddress target) throws Exception {
        Socket socket = new Socket();
        try {
            socket.connect(target, Math.toIntExact(ANSWER_TIMEOUT.toMillis()));
            return socket;
        } catch (Exception e) {
            socket.close();
            throw e;
        }
    }

    private static InetSocketAddress target(String nodeId, MediaTransport transport) {
        MediaNode node = emulator.nodeList().nodes().stream()
                .filter(n -> n.id().equals(nodeId))
                .findFirst()
                .orElseThrow();
        return new InetSocketAddress(node.host(), node.port(transport).orElseThrow());
    }

    private static NodeConfig allModes(NodeConfig.Builder builder, TransportMode mode) {
        for (MediaTransport transport : MediaTransport.values()) {
            builder.mode(transport, mode);
        }
        return builder.build();
    }
}
