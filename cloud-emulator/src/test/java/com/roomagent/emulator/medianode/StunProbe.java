package com.roomagent.emulator.medianode;

import com.roomagent.protocol.framing.StreamFraming;
import com.roomagent.protocol.stun.StunDecoder;
import com.roomagent.protocol.stun.StunEncoder;
import com.roomagent.protocol.stun.StunMessage;
import com.roomagent.protocol.stun.TransactionId;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** A tiny STUN client for tests: one request, one answer or a timeout, every wait bounded. */
final class StunProbe {
    private StunProbe() {}

    /** The answer to one request, and what the client saw. */
    record Reply(StunMessage response, InetSocketAddress clientAddress, Duration roundTrip) {}

    static byte[] bindingRequest(TransactionId id) {
        return StunEncoder.encode(StunMessage.bindingRequest(id), null, true);
    }

    /** Sends {@code packet} from a fresh socket on 127.0.0.1 and waits for one answer. */
    static Optional<Reply> udp(InetSocketAddress target, byte[] packet, Duration timeout) throws Exception {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            return udp(socket, target, packet, timeout);
        }
    }

    /** Sends {@code packet} from {@code socket} and waits for one answer on it. */
    static Optional<Reply> udp(DatagramSocket socket, InetSocketAddress target, byte[] packet, Duration timeout)
            throws Exception {
        socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
        long sent = System.nanoTime();
        socket.send(new DatagramPacket(packet, packet.length, target));
        byte[] buffer = new byte[2048];
        DatagramPacket received = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(received);
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        }
        Duration roundTrip = Duration.ofNanos(System.nanoTime() - sent);
        StunMessage response = StunDecoder.decode(Arrays.copyOf(buffer, received.getLength()));
        return Optional.of(new Reply(response, (InetSocketAddress) socket.getLocalSocketAddress(), roundTrip));
    }

    /** Sends {@code packet} in an RFC 4571 frame on a connected stream and waits for one framed answer. */
    static Optional<Reply> stream(Socket socket, byte[] packet, Duration timeout) throws Exception {
        socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
        long sent = System.nanoTime();
        StreamFraming.RFC4571.writePacket(socket.getOutputStream(), packet);
        socket.getOutputStream().flush();
        byte[] answer;
        try {
            answer = StreamFraming.RFC4571.readPacket(socket.getInputStream());
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        }
        Duration roundTrip = Duration.ofNanos(System.nanoTime() - sent);
        return Optional.of(
                new Reply(StunDecoder.decode(answer), (InetSocketAddress) socket.getLocalSocketAddress(), roundTrip));
    }

    /** Reads once with {@code timeout}: true when the peer sent nothing and kept the connection open. */
    static boolean staysSilent(Socket socket, Duration timeout) throws IOException {
        socket.setSoTimeout(Math.toIntExact(timeout.toMillis()));
        InputStream in = socket.getInputStream();
        try {
            in.read();
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        }
    }
}
