package com.roomagent.emulator.medianode;

import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.transport.MediaChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * The node's end of one participant's flow: packets from one remote 5-tuple on one listener (UDP:
 * the remote address; TCP and TLS: the connection), seen as a {@link MediaChannel} so the DTLS
 * server role and the relay use it as the device uses its own channel. The listener that owns the
 * socket hands it inbound packets ({@link #deliver(byte[])}) and sends what it writes.
 *
 * <p>Threads: inbound packets arrive on the listener's receiving thread; {@link #send(byte[])} is
 * called from the DTLS thread and from other participants' receiving threads, and the {@link
 * Sender} must be safe for that. A flow on a transport the test hook cut neither receives nor
 * sends (its packets are silently lost, as a firewall would).
 */
final class NodeFlow implements MediaChannel {
    /** Writes one packet to the flow's remote end: a datagram, or one RFC 4571 frame. */
    @FunctionalInterface
    interface Sender {
        void send(byte[] packet) throws IOException;
    }

    private final NodeMedia media;
    private final MediaTransport transport;
    private final InetSocketAddress local;
    private final InetSocketAddress remote;
    private final Sender sender;
    private volatile PacketReceiver receiver = packet -> {};
    private volatile ChannelClosedListener closedListener = cause -> {};
    private volatile boolean closed;

    NodeFlow(
            NodeMedia media,
            MediaTransport transport,
            InetSocketAddress local,
            InetSocketAddress remote,
            Sender sender) {
        this.media = media;
        this.transport = transport;
        this.local = local;
        this.remote = remote;
        this.sender = sender;
    }

    @Override
    public MediaTransport transport() {
        return transport;
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public void send(byte[] packet) throws IOException {
        if (closed) {
            throw new IOException("the node's " + transport.id() + " flow to " + describe() + " is closed");
        }
        if (media.isCut(transport)) {
            return; // the test hook's firewall: the packet is lost on the way
        }
        sender.send(packet);
    }

    @Override
    public void onPacket(PacketReceiver packetReceiver) {
        this.receiver = Objects.requireNonNull(packetReceiver, "packetReceiver");
    }

    @Override
    public void onClosed(ChannelClosedListener listener) {
        this.closedListener = Objects.requireNonNull(listener, "listener");
    }

    /** Hands one inbound packet to whoever listens (the flow's DTLS server). */
    void deliver(byte[] packet) {
        receiver.packet(packet);
    }

    /** The listener lost the connection (TCP/TLS end of stream or error). */
    void remoteClosed(IOException cause) {
        if (!closed) {
            closed = true;
            closedListener.closed(cause == null ? new IOException("the participant closed the connection") : cause);
            media.flowClosed(this);
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (!closed) {
            // The DTLS server closes first, so its close_notify still leaves on the flow.
            media.flowClosed(this);
            closed = true;
        }
    }

    /** {@code transport address:port} of the remote end, for logs. */
    String describe() {
        return transport.id() + " " + remote.getAddress().getHostAddress() + ":" + remote.getPort();
    }
}
