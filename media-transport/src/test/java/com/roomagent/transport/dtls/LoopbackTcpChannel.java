package com.roomagent.transport.dtls;

import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.framing.StreamFraming;
import com.roomagent.transport.MediaChannel;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A real TCP {@link MediaChannel} on loopback for tests, framing every packet as RFC 4571 says
 * (the production channels are another module's): shows that the DTLS layer does not care which
 * transport carries it (R18).
 */
final class LoopbackTcpChannel implements MediaChannel {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Thread reader;
    private volatile PacketReceiver receiver = packet -> {};
    private volatile ChannelClosedListener closedListener = cause -> {};

    private LoopbackTcpChannel(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.reader = new Thread(this::read, "tcp-channel-" + socket.getLocalPort());
        reader.setDaemon(true);
    }

    /** Two connected ends on 127.0.0.1 (the test's listener closes once they are): [0] device, [1] node. */
    static LoopbackTcpChannel[] pair() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(10_000);
            Socket device = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
            Socket node = listener.accept();
            device.setTcpNoDelay(true);
            node.setTcpNoDelay(true);
            LoopbackTcpChannel[] pair = {new LoopbackTcpChannel(device), new LoopbackTcpChannel(node)};
            pair[0].reader.start();
            pair[1].reader.start();
            return pair;
        }
    }

    private void read() {
        try {
            while (true) {
                byte[] packet = StreamFraming.RFC4571.readPacket(in);
                // Read the receiver after the packet arrives: `receiver.packet(readPacket(in))`
                // would fetch it before blocking and hand the packet to a stale receiver.
                receiver.packet(packet);
            }
        } catch (EOFException e) {
            closedListener.closed(e);
        } catch (IOException e) {
            if (!socket.isClosed()) {
                closedListener.closed(e);
            }
        }
    }

    @Override
    public MediaTransport transport() {
        return MediaTransport.TCP;
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) socket.getRemoteSocketAddress();
    }

    @Override
    public synchronized void send(byte[] packet) throws IOException {
        StreamFraming.RFC4571.writePacket(out, packet);
        out.flush();
    }

    @Override
    public void onPacket(PacketReceiver receiver) {
        this.receiver = receiver;
    }

    @Override
    public void onClosed(ChannelClosedListener listener) {
        this.closedListener = listener;
    }

    @Override
    public boolean isClosed() {
        return socket.isClosed();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a loopback test socket; nothing to do
        }
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
