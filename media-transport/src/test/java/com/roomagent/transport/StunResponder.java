package com.roomagent.transport;

import com.roomagent.protocol.framing.StreamFraming;
import com.roomagent.protocol.stun.StunClass;
import com.roomagent.protocol.stun.StunDecoder;
import com.roomagent.protocol.stun.StunEncoder;
import com.roomagent.protocol.stun.StunIntegrity;
import com.roomagent.protocol.stun.StunMessage;
import com.roomagent.protocol.stun.StunParseException;
import com.roomagent.protocol.stun.XorMappedAddress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A small media node for tests, on loopback ephemeral ports: answers STUN Binding requests over
 * UDP, TCP and TLS (RFC 4571 framing on the streams), and echoes every other packet back, so tests
 * can round-trip DTLS- and SRTP-looking packets. UDP can be made silent (a firewall dropping it).
 */
public final class StunResponder implements AutoCloseable {
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final ServerSocket tls;
    private final byte[] key;
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger udpRequests = new AtomicInteger();
    private final List<InetSocketAddress> udpSources = new CopyOnWriteArrayList<>();
    private volatile boolean answerUdp = true;
    private volatile boolean closed;

    /**
     * @param tlsOrNull the server TLS context, or null for no TLS port
     * @param keyOrNull short-term key: requests must verify, responses are signed
     */
    public StunResponder(SSLContext tlsOrNull, byte[] keyOrNull) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        this.key = keyOrNull;
        udp = new DatagramSocket(new InetSocketAddress(loopback, 0));
        tcp = new ServerSocket(0, 10, loopback);
        tls = tlsOrNull == null ? null : tlsOrNull.getServerSocketFactory().createServerSocket(0, 10, loopback);
        start("responder-udp", this::udpLoop);
        start("responder-tcp", () -> acceptLoop(tcp));
        if (tls != null) {
            start("responder-tls", () -> acceptLoop(tls));
        }
    }

    /** Whether UDP requests are answered; false drops them silently. */
    public void answerUdp(boolean answer) {
        this.answerUdp = answer;
    }

    public int udpPort() {
        return udp.getLocalPort();
    }

    public int tcpPort() {
        return tcp.getLocalPort();
    }

    public int tlsPort() {
        return tls.getLocalPort();
    }

    public int udpRequests() {
        return udpRequests.get();
    }

    /** The source address of every UDP packet received. */
    public List<InetSocketAddress> udpSources() {
        return udpSources;
    }

    private static void start(String name, Runnable loop) {
        Thread thread = new Thread(loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void udpLoop() {
        byte[] buffer = new byte[65_535];
        while (!closed) {
            DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(datagram);
            } catch (IOException e) {
                return;
            }
            InetSocketAddress source = (InetSocketAddress) datagram.getSocketAddress();
            udpSources.add(source);
            udpRequests.incrementAndGet();
            if (!answerUdp) {
                continue;
            }
            byte[] packet = java.util.Arrays.copyOf(datagram.getData(), datagram.getLength());
            byte[] answer = answer(packet, source);
            if (answer != null) {
                try {
                    udp.send(new DatagramPacket(answer, answer.length, source));
                } catch (IOException e) {
                    return;
                }
            }
        }
    }

    private void acceptLoop(ServerSocket server) {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return;
            }
            open.add(socket);
            start("responder-conn-" + socket.getPort(), () -> serve(socket));
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (!closed) {
                byte[] packet = StreamFraming.RFC4571.readPacket(in);
                byte[] answer = answer(packet, (InetSocketAddress) socket.getRemoteSocketAddress());
                if (answer != null) {
                    StreamFraming.RFC4571.writePacket(out, answer);
                    out.flush();
                }
            }
        } catch (SocketException e) {
            // closed by the test or the client
        } catch (IOException e) {
            // the client went away
        }
    }

    /** The Binding response for a request, the packet itself for anything not STUN, or null. */
    private byte[] answer(byte[] packet, InetSocketAddress source) {
        if (PacketKind.of(packet) != PacketKind.STUN) {
            return packet;
        }
        try {
            StunMessage request = StunDecoder.decode(packet);
            if (request.messageClass() != StunClass.REQUEST) {
                return null;
            }
            if (key != null && !StunIntegrity.verify(packet, key)) {
                return null;
            }
            StunMessage response = StunMessage.bindingSuccess(request.transactionId(), new XorMappedAddress(source));
            return StunEncoder.encode(response, key, true);
        } catch (StunParseException e) {
            return null;
        }
    }

    @Override
    public void close() {
        closed = true;
        udp.close();
        closeQuietly(tcp);
        if (tls != null) {
            closeQuietly(tls);
        }
        for (AutoCloseable socket : open) {
            closeQuietly(socket);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing in a test's teardown: nothing to do
        }
    }
}
