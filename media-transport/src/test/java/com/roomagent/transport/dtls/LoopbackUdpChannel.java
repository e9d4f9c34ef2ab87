package com.roomagent.transport.dtls;

import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.transport.MediaChannel;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;

/**
 * A real UDP {@link MediaChannel} on loopback for tests (the production channels are another
 * module's): a socket on an ephemeral port, connected to the peer, with a named reader thread.
 */
final class LoopbackUdpChannel implements MediaChannel {
    private final DatagramSocket socket;
    private final InetSocketAddress remote;
    private final Thread reader;
    private volatile PacketReceiver receiver = packet -> {};
    private volatile ChannelClosedListener closedListener = cause -> {};

    private LoopbackUdpChannel(DatagramSocket socket, InetSocketAddress remote) {
        this.socket = socket;
        this.remote = remote;
        this.reader = new Thread(this::read, "udp-channel-" + socket.getLocalPort());
        reader.setDaemon(true);
    }

    /** Two connected ends on 127.0.0.1, each on an ephemeral port: [0] device, [1] node. */
    static LoopbackUdpChannel[] pair() throws SocketException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        DatagramSocket a = new DatagramSocket(new InetSocketAddress(loopback, 0));
        DatagramSocket b = new DatagramSocket(new InetSocketAddress(loopback, 0));
        a.connect(b.getLocalSocketAddress());
        b.connect(a.getLocalSocketAddress());
        LoopbackUdpChannel device = new LoopbackUdpChannel(a, (InetSocketAddress) b.getLocalSocketAddress());
        LoopbackUdpChannel node = new LoopbackUdpChannel(b, (InetSocketAddress) a.getLocalSocketAddress());
        device.reader.start();
        node.reader.start();
        return new LoopbackUdpChannel[] {device, node};
    }

    private void read() {
        byte[] buffer = new byte[2048];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!socket.isClosed()) {
            try {
                socket.receive(packet);
                receiver.packet(Arrays.copyOf(packet.getData(), packet.getLength()));
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    closedListener.closed(e);
                }
                return;
            }
        }
    }

    @Override
    public MediaTransport transport() {
        return MediaTransport.UDP;
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public void send(byte[] packet) throws IOException {
        socket.send(new DatagramPacket(packet, packet.length));
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
        socket.close();
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
