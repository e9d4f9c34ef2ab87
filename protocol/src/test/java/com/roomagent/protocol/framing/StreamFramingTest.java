package com.roomagent.protocol.framing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.protocol.stun.ErrorCode;
import com.roomagent.protocol.stun.Software;
import com.roomagent.protocol.stun.StunEncoder;
import com.roomagent.protocol.stun.StunMessage;
import com.roomagent.protocol.stun.TransactionId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Packets written with a framing read back whole, however the stream splits them. */
class StreamFramingTest {
    private static final List<byte[]> STUN_PACKETS = List.of(
            StunEncoder.encode(StunMessage.bindingRequest(TransactionId.random())),
            StunEncoder.encode(
                    StunMessage.bindingSuccess(TransactionId.random(), new Software("room-agent")), null, true),
            StunEncoder.encode(StunMessage.bindingError(TransactionId.random(), new ErrorCode(401, "Unauthorized"))));

    @ParameterizedTest
    @EnumSource(StreamFraming.class)
    void packetsRoundTripInOrder(StreamFraming framing) throws IOException {
        byte[] stream = write(framing, STUN_PACKETS);

        assertPacketsEqual(STUN_PACKETS, readAll(framing, new ByteArrayInputStream(stream), STUN_PACKETS.size()));
    }

    @ParameterizedTest
    @EnumSource(StreamFraming.class)
    void packetsSurviveOneByteReads(StreamFraming framing) throws IOException {
        InputStream trickle = new OneByteAtATimeInputStream(new ByteArrayInputStream(write(framing, STUN_PACKETS)));

        assertPacketsEqual(STUN_PACKETS, readAll(framing, trickle, STUN_PACKETS.size()));
    }

    @ParameterizedTest
    @EnumSource(StreamFraming.class)
    void packetsCrossAPipeBetweenThreads(StreamFraming framing) throws Exception {
        ExecutorService writer = Executors.newSingleThreadExecutor(task -> new Thread(task, "framing-test-writer"));
        try (PipedInputStream in = new PipedInputStream(64)) {
            PipedOutputStream pipe = new PipedOutputStream(in);
            // The writer thread owns its end and closes it when done, which the reader sees as EOF.
            Future<?> written = writer.submit(() -> {
                try (PipedOutputStream out = pipe) {
                    for (byte[] packet : STUN_PACKETS) {
                        framing.writePacket(out, packet);
                    }
                }
                return null;
            });

            List<byte[]> read = readAll(framing, in, STUN_PACKETS.size());
            written.get(5, TimeUnit.SECONDS);

            assertPacketsEqual(STUN_PACKETS, read);
            assertThrows(EOFException.class, () -> framing.readPacket(in));
        } finally {
            writer.shutdownNow();
            assertTrue(writer.awaitTermination(5, TimeUnit.SECONDS));
        }
    }

    @ParameterizedTest
    @EnumSource(StreamFraming.class)
    void endOfStreamBetweenPacketsIsACleanEof(StreamFraming framing) throws IOException {
        InputStream in = new ByteArrayInputStream(write(framing, STUN_PACKETS.subList(0, 1)));
        framing.readPacket(in);

        assertThrows(EOFException.class, () -> framing.readPacket(in));
    }

    @ParameterizedTest
    @EnumSource(StreamFraming.class)
    void endOfStreamInsideAPacketSaysWhatWasMissing(StreamFraming framing) throws IOException {
        byte[] stream = write(framing, STUN_PACKETS.subList(1, 2));

        for (int cut = 1; cut < stream.length; cut++) {
            InputStream in = new ByteArrayInputStream(Arrays.copyOf(stream, cut));
            FramingException e = assertThrows(FramingException.class, () -> framing.readPacket(in), "cut at " + cut);
            assertTrue(e.getMessage().contains("got"), e.getMessage());
        }
    }

    @Test
    void rfc4571TruncatedBodyReportsExpectedAndReceivedBytes() {
        InputStream in = new ByteArrayInputStream(new byte[] {0, 10, 1, 2, 3});

        FramingException e = assertThrows(FramingException.class, () -> StreamFraming.RFC4571.readPacket(in));

        assertTrue(e.getMessage().contains("expected 10 bytes, got 3"), e.getMessage());
    }

    @Test
    void rfc4571CarriesAnyBytesIncludingEmptyAndLargestPackets() throws IOException {
        byte[] largest = new byte[StreamFraming.MAX_RFC4571_PACKET];
        Arrays.fill(largest, (byte) 0x5A);
        List<byte[]> packets = List.of(new byte[0], new byte[] {(byte) 0x80, 0x00}, largest);

        byte[] stream = write(StreamFraming.RFC4571, packets);

        assertEquals(2 + 2 + 2 + 2 + largest.length, stream.length);
        assertPacketsEqual(packets, readAll(StreamFraming.RFC4571, new ByteArrayInputStream(stream), 3));
    }

    @Test
    void rfc4571PrefixIsTheBigEndianLength() throws IOException {
        assertArrayEquals(
                new byte[] {0x01, 0x02}, Arrays.copyOf(write(StreamFraming.RFC4571, List.of(new byte[258])), 2));
    }

    @Test
    void rfc4571RefusesPacketsLongerThan65535Bytes() {
        assertThrows(
                IllegalArgumentException.class,
                () -> StreamFraming.RFC4571.writePacket(new ByteArrayOutputStream(), new byte[65536]));
    }

    @Test
    void plainStunRefusesAHeaderThatIsNotStun() {
        byte[] notStun = STUN_PACKETS.get(0).clone();
        notStun[4] = 0x00;

        assertThrows(
                FramingException.class, () -> StreamFraming.PLAIN_STUN.readPacket(new ByteArrayInputStream(notStun)));
    }

    @Test
    void plainStunRefusesToWriteWhatTheReaderCouldNotDelimit() {
        byte[] stun = STUN_PACKETS.get(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThrows(
                IllegalArgumentException.class, () -> StreamFraming.PLAIN_STUN.writePacket(out, new byte[] {1, 2}));
        assertThrows(
                IllegalArgumentException.class,
                () -> StreamFraming.PLAIN_STUN.writePacket(out, Arrays.copyOf(stun, stun.length - 4)));
        assertEquals(0, out.size());
    }

    private static byte[] write(StreamFraming framing, List<byte[]> packets) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] packet : packets) {
            framing.writePacket(out, packet);
        }
        return out.toByteArray();
    }

    private static List<byte[]> readAll(StreamFraming framing, InputStream in, int count) throws IOException {
        List<byte[]> packets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            packets.add(framing.readPacket(in));
        }
        return packets;
    }

    private static void assertPacketsEqual(List<byte[]> expected, List<byte[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "packet " + i);
        }
    }
}
