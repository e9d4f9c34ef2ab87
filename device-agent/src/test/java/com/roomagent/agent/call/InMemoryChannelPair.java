package com.roomagent.agent.call;

import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.transport.MediaChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Two {@link MediaChannel} ends joined in memory, as the media path's channel to a media node
 * would join two devices through the node's relay: a packet sent on one end arrives, copied and
 * in order, at the other end's receiver, on one named delivery thread ("in-memory-channel").
 * Tests can inject packets of other kinds (STUN, DTLS) and close an end.
 */
public final class InMemoryChannelPair implements AutoCloseable {
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "in-memory-channel");
        thread.setDaemon(true);
        return thread;
    });
    public final End a = new End(new InetSocketAddress("127.0.0.1", 40001), new InetSocketAddress("127.0.0.1", 5004));
    public final End b = new End(new InetSocketAddress("127.0.0.1", 40002), new InetSocketAddress("127.0.0.1", 5004));

    @Override
    public void close() {
        a.close();
        b.close();
        delivery.shutdownNow();
    }

    /** One end: what it sends reaches the other end's receiver. */
    public final class End implements MediaChannel {
        private final InetSocketAddress local;
        private final InetSocketAddress remote;
        private volatile PacketReceiver receiver = packet -> {};
        private volatile boolean closed;
        public final AtomicLong sent = new AtomicLong();

        End(InetSocketAddress local, InetSocketAddress remote) {
            this.local = local;
            this.remote = remote;
        }

        private End other() {
            return this == a ? b : a;
        }

        @Override
        public MediaTransport transport() {
            return MediaTransport.UDP;
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
                throw new IOException("in-memory channel " + local + " is closed");
            }
            byte[] copy = packet.clone();
            sent.incrementAndGet();
            End to = other();
            try {
                delivery.execute(() -> {
                    if (!to.closed) {
                        to.receiver.packet(copy);
                    }
                });
            } catch (RejectedExecutionException e) {
                throw new IOException("in-memory channel pair is closed", e);
            }
        }

        @Override
        public void onPacket(PacketReceiver newReceiver) {
            this.receiver = newReceiver;
        }

        @Override
        public void onClosed(ChannelClosedListener listener) {}

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
