package com.roomagent.transport;

import com.roomagent.protocol.discovery.MediaTransport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A media channel in memory: records what is sent, delivers what the test injects on its thread. */
public final class FakeMediaChannel implements MediaChannel {
    private final MediaTransport transport;
    private final List<byte[]> sent = new CopyOnWriteArrayList<>();
    private volatile PacketReceiver receiver;
    private volatile ChannelClosedListener closedListener;
    private volatile boolean closed;

    public FakeMediaChannel(MediaTransport transport) {
        this.transport = transport;
    }

    @Override
    public MediaTransport transport() {
        return transport;
    }

    @Override
    public InetSocketAddress localAddress() {
        return new InetSocketAddress("127.0.0.1", 40000);
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return new InetSocketAddress("127.0.0.1", transport.defaultPort());
    }

    @Override
    public void send(byte[] packet) throws IOException {
        if (closed) {
            throw new IOException("fake channel closed");
        }
        sent.add(packet.clone());
    }

    @Override
    public void onPacket(PacketReceiver packetReceiver) {
        this.receiver = packetReceiver;
    }

    @Override
    public void onClosed(ChannelClosedListener listener) {
        this.closedListener = listener;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (closedListener != null) {
                closedListener.closed(null);
            }
        }
    }

    /** The node "sends" a packet: delivered on the calling thread. */
    public void deliver(byte[] packet) {
        receiver.packet(packet);
    }

    /** The transport fails under the channel. */
    public void fail(IOException cause) {
        if (!closed) {
            closed = true;
            closedListener.closed(cause);
        }
    }

    public List<byte[]> sent() {
        return sent;
    }
}
