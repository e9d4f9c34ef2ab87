package com.roomagent.agent.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The R1 check itself, on this test's own JVM: it must see what it is meant to see. */
class ProcessSocketsTest {
    private static final long SELF = ProcessHandle.current().pid();
    private static final Duration WINDOW = Duration.ofMillis(200);

    @TempDir
    Path dir;

    @Test
    void aListeningTcpSocketIsFound() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<ProcessSockets.NetworkSocket> listening = ProcessSockets.listening(SELF, WINDOW);
            assertTrue(
                    listening.stream()
                            .anyMatch(s -> s.protocol().startsWith("tcp") && s.localPort() == server.getLocalPort()),
                    listening.toString());
        }
    }

    @Test
    void anOutboundTcpConnectionIsNotListening() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                Socket accepted = server.accept()) {
            List<ProcessSockets.NetworkSocket> all = ProcessSockets.networkSockets(SELF);
            ProcessSockets.NetworkSocket outbound = all.stream()
                    .filter(s -> s.localPort() == client.getLocalPort())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(all.toString()));
            assertFalse(outbound.acceptsFromAnyone());
            assertEquals(server.getLocalPort(), outbound.remotePort());
            assertTrue(accepted.isConnected());
        }
    }

    @Test
    void anUnconnectedBoundUdpSocketKeptOpenIsListening() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            List<ProcessSockets.NetworkSocket> listening = ProcessSockets.listening(SELF, WINDOW);
            assertTrue(
                    listening.stream()
                            .anyMatch(s -> s.protocol().startsWith("udp") && s.localPort() == socket.getLocalPort()),
                    listening.toString());
        }
    }

    @Test
    void aConnectedUdpSocketIsNotListening() throws Exception {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), 9));
            List<ProcessSockets.NetworkSocket> listening = ProcessSockets.listening(SELF, WINDOW);
            assertFalse(listening.stream().anyMatch(s -> s.localPort() == socket.getLocalPort()), listening.toString());
            assertTrue(ProcessSockets.networkSockets(SELF).stream()
                    .anyMatch(s -> s.localPort() == socket.getLocalPort() && s.remotePort() == 9));
        }
    }

    @Test
    void aUnixDomainSocketIsSeenByItsPathAndIsNotANetworkSocket() throws Exception {
        Path path = dir.resolve("control.sock");
        try (ServerSocketChannel unix = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            unix.bind(UnixDomainSocketAddress.of(path));
            assertTrue(ProcessSockets.unixSocketPaths(SELF).contains(path.toString()));
        }
    }

    @Test
    void ipv6AddressesAreDecodedFromProcfsByteOrder() {
        assertEquals("127.0.0.1", ProcessSockets.address("0100007F"));
        assertEquals(
                "2001:0db8:0000:0000:0000:0000:0000:0001", ProcessSockets.address("B80D0120000000000000000001000000"));
    }
}
