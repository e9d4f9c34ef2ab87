package com.roomagent.transport.channel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.framing.FramingException;
import com.roomagent.transport.MediaCandidate;
import com.roomagent.transport.MediaChannel;
import com.roomagent.transport.StunResponder;
import com.roomagent.transport.TestTls;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.PortUnreachableException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RealChannelOpenerTest {
    private static final long WAIT_SECONDS = 10;
    private static TestTls tls;
    private static StunResponder node;

    @BeforeAll
    static void startNode() throws Exception {
        tls = TestTls.forAddress("127.0.0.1");
        node = new StunResponder(tls.server, null);
    }

    @AfterAll
    static void stopNode() {
        node.close();
    }

    private static RealChannelOpener opener() {
        return new RealChannelOpener(ChannelSettings.defaults(), tls.client);
    }

    private static byte[] srtpLike(int length, int seed) {
        byte[] packet = new byte[length];
        for (int i = 0; i < length; i++) {
            packet[i] = (byte) (seed + i * 7);
        }
        packet[0] = (byte) 0x80;
        return packet;
    }

    private static void assertEchoes(MediaChannel channel) throws Exception {
        BlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
        channel.onPacket(received::add);
        int[] sizes = {1, 12, 172, 1200, 8192};
        for (int i = 0; i < sizes.length; i++) {
            channel.send(srtpLike(sizes[i], i));
        }
        for (int i = 0; i < sizes.length; i++) {
            byte[] echoed = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertArrayEquals(srtpLike(sizes[i], i), echoed, "packet " + i + " of " + sizes[i] + " bytes");
        }
    }

    @Test
    void udpChannelSendsAndReceivesOnOneLocalPort() throws Exception {
        try (MediaChannel channel =
                opener().open(new MediaCandidate("n", "127.0.0.1", MediaTransport.UDP, node.udpPort()))) {
            assertEchoes(channel);
            assertEquals(MediaTransport.UDP, channel.transport());
            assertTrue(
                    node.udpSources().stream()
                            .anyMatch(s -> s.getPort() == channel.localAddress().getPort()),
                    "the node saw our packets come from the channel's own local port (R13)");
        }
    }

    @Test
    void tcpFramesEveryPacketWithRfc4571AndKeepsBoundaries() throws Exception {
        try (MediaChannel channel =
                opener().open(new MediaCandidate("n", "127.0.0.1", MediaTransport.TCP, node.tcpPort()))) {
            assertEchoes(channel);
        }
    }

    @Test
    void tlsVerifiesTheNodeByItsIpAddressAndFramesPackets() throws Exception {
        try (MediaChannel channel =
                opener().open(new MediaCandidate("n", "127.0.0.1", MediaTransport.TLS, node.tlsPort()))) {
            assertEchoes(channel);
        }
    }

    @Test
    void tlsRefusesANodeWhoseCertificateTheCloudCaDidNotIssue() throws Exception {
        TestTls stranger = TestTls.forAddress("127.0.0.1");
        RealChannelOpener opener = new RealChannelOpener(ChannelSettings.defaults(), stranger.client);
        IOException error = assertThrows(
                IOException.class,
                () -> opener.open(new MediaCandidate("n", "127.0.0.1", MediaTransport.TLS, node.tlsPort())));
        assertTrue(error.getMessage().contains("TLS handshake with n tls 127.0.0.1:"), error.getMessage());
    }

    @Test
    void tlsRefusesANodeWhoseCertificateNamesAnotherAddress() throws Exception {
        TestTls otherAddress = TestTls.forAddress("127.0.0.2");
        try (StunResponder impostor = new StunResponder(otherAddress.server, null)) {
            RealChannelOpener opener = new RealChannelOpener(ChannelSettings.defaults(), otherAddress.client);
            IOException error = assertThrows(
                    IOException.class,
                    () -> opener.open(new MediaCandidate("n", "127.0.0.1", MediaTransport.TLS, impostor.tlsPort())));
            assertTrue(error.getMessage().contains("TLS handshake with n tls 127.0.0.1:"), error.getMessage());
            assertTrue(error.getMessage().contains("127.0.0.1"), error.getMessage());
        }
    }

    @Test
    void tlsWithoutTrustAnchorsFailsSayingSo() {
        RealChannelOpener opener = new RealChannelOpener(ChannelSettings.defaults(), null);
        IOException error = assertThrows(
                IOException.class,
                () -> opener.open(new MediaCandidate("n", "127.0.0.1", MediaTransport.TLS, node.tlsPort())));
        assertTrue(error.getMessage().contains("no TLS trust anchors"), error.getMessage());
    }

    @Test
    void tcpToAPortNobodyListensOnFailsNamingTheCandidate() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        IOException error = assertThrows(
                IOException.class,
                () -> opener().open(new MediaCandidate("n", "127.0.0.1", MediaTransport.TCP, closedPort)));
        assertTrue(
                error.getMessage().startsWith("connect to n tcp 127.0.0.1:" + closedPort + " failed"),
                error.getMessage());
    }

    @Test
    void udpToAClosedPortFailsFastWithPortUnreachable() throws Exception {
        int closedPort;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        try (MediaChannel channel =
                opener().open(new MediaCandidate("n", "127.0.0.1", MediaTransport.UDP, closedPort))) {
            CompletableFuture<IOException> closed = new CompletableFuture<>();
            channel.onClosed(closed::complete);
            channel.onPacket(packet -> {});
            channel.send(srtpLike(20, 1));
            IOException cause = closed.get(WAIT_SECONDS, TimeUnit.SECONDS);
            assertInstanceOf(PortUnreachableException.class, cause);
            assertTrue(channel.isClosed());
        }
    }

    @Test
    void anOversizedFrameClosesTheChannelWithAClearError() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
                try (Socket socket = server.accept()) {
                    OutputStream out = socket.getOutputStream();
                    byte[] frame = new byte[2 + 9000];
                    frame[0] = (byte) (9000 >>> 8);
                    frame[1] = (byte) 9000;
                    out.write(frame);
                    out.flush();
                    socket.getInputStream().read();
                } catch (IOException e) {
                    // the client closed first
                }
            });
            try (MediaChannel channel =
                    opener().open(new MediaCandidate("n", "127.0.0.1", MediaTransport.TCP, server.getLocalPort()))) {
                CompletableFuture<IOException> closed = new CompletableFuture<>();
                channel.onClosed(closed::complete);
                channel.onPacket(packet -> {});
                IOException cause = closed.get(WAIT_SECONDS, TimeUnit.SECONDS);
                assertInstanceOf(FramingException.class, cause);
                assertTrue(cause.getMessage().contains("frame of 9000 bytes"), cause.getMessage());
                assertTrue(cause.getMessage().contains("maxPacketBytes 8192"), cause.getMessage());
                IOException sendError = assertThrows(IOException.class, () -> channel.send(srtpLike(10, 0)));
                assertTrue(sendError.getMessage().contains("is closed"), sendError.getMessage());
            }
            sent.get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Test
    void aStreamEndingInsideAFrameClosesTheChannelWithAFramingError() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
                try (Socket socket = server.accept()) {
                    socket.getOutputStream().write(new byte[] {0, 100, (byte) 0x80, 1, 2, 3});
                } catch (IOException e) {
                    // the client closed first
                }
            });
            try (MediaChannel channel =
                    opener().open(new MediaCandidate("n", "127.0.0.1", MediaTransport.TCP, server.getLocalPort()))) {
                CompletableFuture<IOException> closed = new CompletableFuture<>();
                channel.onClosed(closed::complete);
                channel.onPacket(packet -> {});
                IOException cause = closed.get(WAIT_SECONDS, TimeUnit.SECONDS);
                assertInstanceOf(FramingException.class, cause);
                assertTrue(cause.getMessage().contains("expected 100 bytes, got 4"), cause.getMessage());
            }
            sent.get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    @Test
    void sendingAPacketLargerThanTheLimitIsRefusedAndTheChannelStaysOpen() throws Exception {
        try (MediaChannel channel =
                opener().open(new MediaCandidate("n", "127.0.0.1", MediaTransport.TCP, node.tcpPort()))) {
            IllegalArgumentException error =
                    assertThrows(IllegalArgumentException.class, () -> channel.send(new byte[8193]));
            assertTrue(error.getMessage().contains("8193 bytes"), error.getMessage());
            assertFalse(channel.isClosed());
        }
    }

    @Test
    void closingLocallyTellsTheListenerOnceWithNoCauseAndIsIdempotent() throws Exception {
        MediaChannel channel = opener().open(new MediaCandidate("n", "127.0.0.1", MediaTransport.TCP, node.tcpPort()));
        BlockingQueue<String> calls = new LinkedBlockingQueue<>();
        channel.onClosed(cause -> calls.add(String.valueOf(cause)));
        channel.onPacket(packet -> {});
        channel.close();
        channel.close();
        assertEquals("null", calls.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        assertNull(calls.poll(200, TimeUnit.MILLISECONDS), "told only once");
        assertTrue(channel.isClosed());
    }
}
