package com.roomagent.av.camera;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The hand-off between GStreamer's threads and the caller, without GStreamer. */
@Timeout(10)
class FrameSlotTest {
    private static final FrameSize SIZE = new FrameSize(4, 2);

    private final FrameSlot slot = new FrameSlot(CameraSource.imageFile(Path.of("/tmp/qr.png")), SIZE);

    @Test
    void aFrameIsTakenOnce() throws Exception {
        slot.onSample(pixels(7), 1_000_000);

        Frame frame = slot.take(Duration.ZERO).orElseThrow();

        assertArrayEquals(new byte[] {7, 7, 7, 7, 7, 7, 7, 7}, frame.luma());
        assertEquals(Duration.ofMillis(1), frame.timestamp());
        assertEquals(Optional.empty(), slot.take(Duration.ZERO));
    }

    @Test
    void aNewerFrameReplacesOneNotYetTaken() throws Exception {
        slot.onSample(pixels(1), 0);
        slot.onSample(pixels(2), 100_000_000);

        assertEquals(2, slot.take(Duration.ZERO).orElseThrow().lumaAt(0, 0));
        assertEquals(new FrameSlot.Counts(2, 1), slot.counts());
    }

    @Test
    void withoutFramesTakeWaitsForTheTimeoutThenReturnsEmpty() throws Exception {
        long started = System.nanoTime();

        assertEquals(Optional.empty(), slot.take(Duration.ofMillis(100)));

        assertTrue(System.nanoTime() - started >= Duration.ofMillis(100).toNanos());
    }

    @Test
    void aWaitingTakeGetsTheFrameThatArrives() throws Exception {
        CompletableFuture<Optional<Frame>> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                return slot.take(Duration.ofSeconds(5));
            } catch (CameraException e) {
                throw new IllegalStateException(e);
            }
        });
        slot.onSample(pixels(9), 0);

        assertEquals(9, waiter.get(5, TimeUnit.SECONDS).orElseThrow().lumaAt(3, 1));
    }

    @Test
    void anErrorWinsOverAWaitingFrameAndStays() {
        slot.onSample(pixels(1), 0);
        slot.onError("v4l2src", "Could not read from resource.");
        slot.onError("videoconvert", "not-negotiated");

        CameraException first = assertThrows(CameraException.class, () -> slot.take(Duration.ZERO));
        CameraException again = assertThrows(CameraException.class, () -> slot.take(Duration.ZERO));

        assertEquals(CameraException.Reason.SOURCE_FAILED, first.reason());
        assertEquals(Optional.of("v4l2src"), first.elementName());
        assertEquals(
                "image file /tmp/qr.png: element v4l2src failed: Could not read from resource.", first.getMessage());
        assertEquals(first.getMessage(), again.getMessage());
    }

    @Test
    void theEndComesAfterTheLastFrame() throws Exception {
        slot.onSample(pixels(1), 0);
        slot.onEndOfStream();

        assertTrue(slot.take(Duration.ZERO).isPresent());
        CameraException e = assertThrows(CameraException.class, () -> slot.take(Duration.ofSeconds(5)));
        assertEquals(CameraException.Reason.END_OF_STREAM, e.reason());
    }

    @Test
    void aBufferTooSmallForTheFrameBecomesAnError() {
        slot.onSample(ByteBuffer.allocate(5), 0);

        CameraException e = assertThrows(CameraException.class, () -> slot.take(Duration.ZERO));
        assertEquals(Optional.of(CameraPipeline.SINK_NAME), e.elementName());
    }

    @Test
    void anInterruptedTakeFailsAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            CameraException e = assertThrows(CameraException.class, () -> slot.take(Duration.ofSeconds(5)));
            assertEquals(CameraException.Reason.INTERRUPTED, e.reason());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aSampleWithoutTimestampGetsZero() throws Exception {
        slot.onSample(pixels(1), -1);

        assertEquals(Duration.ZERO, slot.take(Duration.ZERO).orElseThrow().timestamp());
    }

    private static ByteBuffer pixels(int value) {
        byte[] bytes = new byte[SIZE.width() * SIZE.height()];
        java.util.Arrays.fill(bytes, (byte) value);
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }
}
