package com.roomagent.av.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The test double itself: copies, order, loss and delay. */
@Timeout(10)
class InMemoryMediaChannelTest {

    @Test
    void packetsArriveAtTheOtherEndCopiedAndInOrder() throws Exception {
        try (InMemoryMediaChannel channel = InMemoryMediaChannel.lossless()) {
            List<byte[]> received = new CopyOnWriteArrayList<>();
            channel.b().connect(received::add);
            byte[] first = {1, 2, 3};

            channel.a().send(ByteBuffer.wrap(first));
            channel.a().send(ByteBuffer.wrap(new byte[] {4}));
            first[0] = 9; // the sender reuses its buffer

            TestCall.await("two packets", Duration.ofSeconds(5), () -> received.size() == 2);
            assertArrayEquals(new byte[] {1, 2, 3}, received.get(0));
            assertArrayEquals(new byte[] {4}, received.get(1));
            assertEquals(2, channel.b().delivered());
        }
    }

    @Test
    void lossIsSeededSoARunRepeats() {
        assertEquals(dropsOf1000(42), dropsOf1000(42));
    }

    @Test
    void aDelayedPacketArrivesNoSooner() throws Exception {
        try (InMemoryMediaChannel channel = new InMemoryMediaChannel(0, Duration.ofMillis(100), 1)) {
            List<Long> arrivals = new CopyOnWriteArrayList<>();
            channel.a().connect(packet -> arrivals.add(System.nanoTime()));
            long sent = System.nanoTime();

            channel.b().send(ByteBuffer.wrap(new byte[] {1}));

            TestCall.await("the packet", Duration.ofSeconds(5), () -> arrivals.size() == 1);
            assertEquals(true, arrivals.get(0) - sent >= Duration.ofMillis(100).toNanos());
        }
    }

    private static long dropsOf1000(long seed) {
        try (InMemoryMediaChannel channel = new InMemoryMediaChannel(0.25, Duration.ZERO, seed)) {
            for (int i = 0; i < 1000; i++) {
                channel.a().send(ByteBuffer.wrap(new byte[] {(byte) i}));
            }
            return channel.a().dropped();
        }
    }
}
