package com.roomagent.agent.discovery.internal;

import com.roomagent.protocol.stun.StunDecoder;
import com.roomagent.protocol.stun.StunEncoder;
import com.roomagent.protocol.stun.StunMessage;
import com.roomagent.protocol.stun.StunParseException;
import com.roomagent.protocol.stun.XorMappedAddress;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A UDP "STUN server" on 127.0.0.1 that answers as its script says, for the prober's edge cases.
 * Owns its socket and its one thread, {@code scripted-stun-server}; {@link #close()} ends both.
 */
final class ScriptedUdpStunServer implements AutoCloseable {
    /** What to send back for one received request: zero or more datagrams, in order. */
    @FunctionalInterface
    interface Script {
        List<byte[]> reply(StunMessage request, InetSocketAddress from, int requestNumber);
    }

    private final DatagramSocket socket;
    private final Thread thread;
    private final AtomicInteger received = new AtomicInteger();

    ScriptedUdpStunServer(Script script) throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(() -> serve(script), "scripted-stun-server");
        thread.setDaemon(true);
        thread.start();
    }

    /** A success response to {@code request} carrying the sender's address, as a STUN server sends. */
    static byte[] success(StunMessage request, InetSocketAddress from) {
        return StunEncoder.encode(
                StunMessage.bindingSuccess(request.transactionId(), new XorMappedAddress(from)), null, true);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** Requests received so far, retransmissions included. */
    int received() {
        return received.get();
    }

    private void serve(Script script) {
        byte[] buffer = new byte[2048];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                InetSocketAddress from = (InetSocketAddress) packet.getSocketAddress();
                StunMessage request = StunDecoder.decode(buffer, 0, packet.getLength());
                for (byte[] reply : script.reply(request, from, received.incrementAndGet())) {
                    socket.send(new DatagramPacket(reply, reply.length, from));
                }
            } catch (StunParseException e) {
                throw new AssertionError("the prober sent a malformed request", e);
            } catch (IOException e) {
                return; // closed by close()
            }
        }
    }

    @Override
    public void close() {
        socket.close();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
