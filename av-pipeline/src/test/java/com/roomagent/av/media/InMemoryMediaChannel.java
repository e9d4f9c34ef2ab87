package com.roomagent.av.media;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The test double of the media path's channel: two {@link End}s joined in memory, each a {@link
 * MediaPacketSink} for one session whose packets arrive at the other end's receiver, copied, in
 * order, on one named delivery thread ("in-memory-media-channel"), after an optional delay and
 * with an optional loss (seeded, so a run is repeatable).
 */
final class InMemoryMediaChannel implements AutoCloseable {
    private final ScheduledExecutorService delivery;
    private final Random random;
    private final End a = new End();
    private final End b = new End();
    private volatile double lossFraction;
    private volatile Duration delay;

    InMemoryMediaChannel(double lossFraction, Duration delay, long seed) {
        this.random = new Random(seed);
        this.delivery = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "in-memory-media-channel");
            thread.setDaemon(true);
            return thread;
        });
        setLoss(lossFraction);
        setDelay(delay);
    }

    /** A lossless channel without delay. */
    static InMemoryMediaChannel lossless() {
        return new InMemoryMediaChannel(0, Duration.ZERO, 1);
    }

    End a() {
        return a;
    }

    End b() {
        return b;
    }

    /** From now on, drop this fraction (0..1) of the packets, in both directions. */
    void setLoss(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("loss must be 0..1, got " + fraction);
        }
        this.lossFraction = fraction;
    }

    /** From now on, deliver every packet this late. */
    void setDelay(Duration value) {
        this.delay = Objects.requireNonNull(value, "delay");
    }

    /** Stops delivering; packets sent later are counted and dropped. */
    @Override
    public void close() {
        delivery.shutdownNow();
        try {
            delivery.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean lose() {
        double loss = lossFraction;
        if (loss == 0) {
            return false;
        }
        synchronized (random) {
            return random.nextDouble() < loss;
        }
    }

    /** One side of the channel: give it to a session as its sink, and connect the session's accept. */
    final class End implements MediaPacketSink {
        private volatile Consumer<byte[]> receiver = packet -> {};
        private final AtomicLong sent = new AtomicLong();
        private final AtomicLong dropped = new AtomicLong();
        private final AtomicLong delivered = new AtomicLong();

        /** Where packets sent from the other end arrive. */
        void connect(Consumer<byte[]> packetReceiver) {
            this.receiver = Objects.requireNonNull(packetReceiver, "packetReceiver");
        }

        @Override
        public void send(ByteBuffer packet) {
            sent.incrementAndGet();
            if (lose()) {
                dropped.incrementAndGet();
                return;
            }
            byte[] copy = new byte[packet.remaining()];
            packet.duplicate().get(copy);
            End peer = this == a ? b : a;
            Runnable deliver = () -> {
                peer.delivered.incrementAndGet();
                peer.receiver.accept(copy);
            };
            try {
                long nanos = delay.toNanos();
                if (nanos == 0) {
                    delivery.execute(deliver);
                } else {
                    delivery.schedule(deliver, nanos, TimeUnit.NANOSECONDS);
                }
            } catch (RejectedExecutionException e) {
                dropped.incrementAndGet(); // the channel is closed
            }
        }

        /** Packets sent into the channel from this end. */
        long sent() {
            return sent.get();
        }

        /** Packets from this end the channel dropped. */
        long dropped() {
            return dropped.get();
        }

        /** Packets delivered to this end's receiver. */
        long delivered() {
            return delivered.get();
        }
    }
}
