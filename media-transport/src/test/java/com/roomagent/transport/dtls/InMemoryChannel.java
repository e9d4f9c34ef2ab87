package com.roomagent.transport.dtls;

import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.transport.MediaChannel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One end of an in-memory {@link MediaChannel} pair: what one end sends, the other's receiver gets
 * on that end's own reader thread, as a real channel delivers. Records every packet it sent, and a
 * test may drop sends with a filter (a silent path) .
 */
final class InMemoryChannel implements MediaChannel {
    private final InetSocketAddress local;
    private final InetSocketAddress remote;
    private final ExecutorService reader;
    private final List<byte[]> sent = new CopyOnWriteArrayList<>();
    private volatile InMemoryChannel peer;
    private volatile PacketReceiver receiver = packet -> {};
    private volatile ChannelClosedListener closedListener = cause -> {};
    private volatile Predicate<byte[]> dropOutbound = packet -> false;
    private volatile boolean closed;

    private InMemoryChannel(InetSocketAddress local, InetSocketAddress remote) {
        this.local = local;
        this.remote = remote;
        this.reader = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "fake-channel-" + local.getPort());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Two connected ends: [0] the device's, [1] the media node's. */
    static InMemoryChannel[] pair() {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        InMemoryChannel device =
                new InMemoryChannel(new InetSocketAddress(loopback, 40000), new InetSocketAddress(loopback, 5004));
        InMemoryChannel node =
                new InMemoryChannel(new InetSocketAddress(loopback, 5004), new InetSocketAddress(loopback, 40000));
        device.peer = node;
        node.peer = device;
        return new InMemoryChannel[] {device, node};
    }

    /** Drops every packet this end sends that {@code drop} accepts. */
    void dropOutbound(Predicate<byte[]> drop) {
        this.dropOutbound = drop;
    }

    /** Everything this end has sent, dropped or not. */
    List<byte[]> sent() {
        return List.copyOf(sent);
    }

    /** Delivers {@code packet} to this end's receiver as if it had arrived from the peer. */
    void inject(byte[] packet) {
        try {
            reader.execute(() -> receiver.packet(packet));
        } catch (RejectedExecutionException e) {
            // closed: dropped, as a closed socket drops
        }
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
        sent.add(packet.clone());
        if (!dropOutbound.test(packet)) {
            peer.inject(packet.clone());
        }
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
        return closed;
    }

    /** Closes this end as if its transport failed: the listener hears {@code cause}. */
    void fail(IOException cause) {
        closed = true;
        closedListener.closed(cause);
        reader.shutdownNow();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        reader.shutdownNow();
        try {
            reader.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
