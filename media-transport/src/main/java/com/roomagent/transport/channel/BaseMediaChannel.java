package com.roomagent.transport.channel;

import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.transport.MediaChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every channel shares: the receiver, the close listener told exactly once, and one named
 * reader thread started when the first receiver is set (packets that arrive before wait in the
 * socket's buffer).
 */
abstract class BaseMediaChannel implements MediaChannel {
    private static final Logger LOG = LoggerFactory.getLogger(BaseMediaChannel.class);

    private final MediaTransport transport;
    private final InetSocketAddress local;
    private final InetSocketAddress remote;
    protected final int maxPacketBytes;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean reported = new AtomicBoolean();
    private final AtomicBoolean readerStarted = new AtomicBoolean();
    private volatile PacketReceiver receiver = packet -> {};
    private volatile ChannelClosedListener closedListener;
    private volatile IOException failure;

    BaseMediaChannel(MediaTransport transport, InetSocketAddress local, InetSocketAddress remote, int maxPacketBytes) {
        this.transport = transport;
        this.local = local;
        this.remote = remote;
        this.maxPacketBytes = maxPacketBytes;
    }

    /** Blocks for the next packet; null to skip one (a dropped datagram). */
    abstract byte[] readPacket() throws IOException;

    /** Closes the socket, which makes a blocked {@link #readPacket()} return or throw. */
    abstract void closeSocket();

    @Override
    public final MediaTransport transport() {
        return transport;
    }

    @Override
    public final InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public final InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public final void onPacket(PacketReceiver packetReceiver) {
        this.receiver = Objects.requireNonNull(packetReceiver, "packetReceiver");
        if (readerStarted.compareAndSet(false, true) && !closed.get()) {
            Thread reader = new Thread(this::readLoop, "media-channel-" + transport.id() + "-" + local.getPort());
            reader.setDaemon(true);
            reader.start();
        }
    }

    @Override
    public final void onClosed(ChannelClosedListener listener) {
        this.closedListener = Objects.requireNonNull(listener, "listener");
        if (closed.get()) {
            report();
        }
    }

    @Override
    public final boolean isClosed() {
        return closed.get();
    }

    @Override
    public final void close() {
        if (closed.compareAndSet(false, true)) {
            closeSocket();
            LOG.debug("event=channel-closed transport={} local={} remote={}", transport.id(), local, remote);
            report();
        }
    }

    /** Ends the channel because the transport failed. */
    final void fail(IOException cause) {
        if (closed.compareAndSet(false, true)) {
            failure = cause;
            closeSocket();
            LOG.info(
                    "event=channel-failed transport={} local={} remote={} error=\"{}\"",
                    transport.id(),
                    local,
                    remote,
                    cause.getMessage());
            report();
        }
    }

    final IOException closedError() {
        IOException cause = failure;
        String text = "the " + transport.id() + " media channel " + local + " -> " + remote + " is closed";
        return cause == null ? new IOException(text) : new IOException(text + ": " + cause.getMessage(), cause);
    }

    final void checkSendable(byte[] packet) throws IOException {
        if (closed.get()) {
            throw closedError();
        }
        if (packet.length > maxPacketBytes) {
            throw new IllegalArgumentException("a packet of " + packet.length + " bytes exceeds the channel's"
                    + " maxPacketBytes " + maxPacketBytes);
        }
    }

    private void report() {
        ChannelClosedListener listener = closedListener;
        if (listener != null && reported.compareAndSet(false, true)) {
            try {
                listener.closed(failure);
            } catch (RuntimeException e) {
                LOG.error("event=channel-listener-failed transport={} error=\"{}\"", transport.id(), e.toString(), e);
            }
        }
    }

    private void readLoop() {
        while (!closed.get()) {
            byte[] packet;
            try {
                packet = readPacket();
            } catch (IOException e) {
                if (!closed.get()) {
                    fail(e);
                }
                return;
            } catch (RuntimeException e) {
                LOG.error("event=channel-reader-crashed transport={} error=\"{}\"", transport.id(), e.toString(), e);
                fail(new IOException("the channel reader failed: " + e, e));
                return;
            }
            if (packet == null) {
                continue;
            }
            try {
                receiver.packet(packet);
            } catch (RuntimeException e) {
                // A receiver's bug must not kill the flow: log it and keep reading.
                LOG.error("event=packet-receiver-failed transport={} error=\"{}\"", transport.id(), e.toString(), e);
            }
        }
    }
}
