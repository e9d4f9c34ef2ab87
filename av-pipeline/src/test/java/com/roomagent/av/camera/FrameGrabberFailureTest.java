package com.roomagent.av.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every way a camera fails ends in a CameraException that says where, never in a hang. */
@Timeout(30)
class FrameGrabberFailureTest {
    private static final Duration BOUND = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void aMissingImageFileFailsNamingFilesrcAndTheFile() {
        Path missing = dir.resolve("no such image.png");
        long started = System.nanoTime();

        CameraException e = assertThrows(CameraException.class, () -> grabOneFrame(CameraSource.imageFile(missing)));

        assertEquals(CameraException.Reason.SOURCE_FAILED, e.reason());
        assertEquals(Optional.of("filesrc"), e.elementName());
        assertTrue(e.getMessage().contains("filesrc"), e.getMessage());
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(System.nanoTime() - started < BOUND.toNanos(), "fails within the bound");
    }

    @Test
    void aMissingClipFileFailsNamingFilesrc() {
        CameraException e =
                assertThrows(CameraException.class, () -> grabOneFrame(CameraSource.clipFile(dir.resolve("gone.avi"))));

        assertEquals(Optional.of("filesrc"), e.elementName());
    }

    @Test
    void aMissingCameraDeviceFailsNamingV4l2src() {
        Path device = dir.resolve("video9");

        CameraException e = assertThrows(CameraException.class, () -> grabOneFrame(CameraSource.v4l2(device)));

        assertEquals(CameraException.Reason.SOURCE_FAILED, e.reason());
        assertEquals(Optional.of("v4l2src"), e.elementName());
        assertTrue(e.getMessage().contains(device.toString()), e.getMessage());
    }

    @Test
    void aFileThatDoesNotDecodeFailsOnNextFrameAndKeepsFailing() throws Exception {
        Path garbage = Files.writeString(
                dir.resolve("not-an-image.png"), "hello, scanner\n".repeat(100), StandardCharsets.US_ASCII);
        try (FrameGrabber camera = FrameGrabber.open(CameraSource.imageFile(garbage))) {
            CameraException first = assertThrows(CameraException.class, () -> camera.nextFrame(BOUND));
            CameraException second = assertThrows(CameraException.class, () -> camera.nextFrame(Duration.ZERO));

            assertEquals(CameraException.Reason.SOURCE_FAILED, first.reason());
            assertTrue(first.elementName().isPresent());
            assertTrue(first.getMessage().contains(garbage.toString()), first.getMessage());
            assertEquals(first.getMessage(), second.getMessage());
        }
    }

    @Test
    void nextFrameAfterCloseFailsAsClosed() throws Exception {
        FrameGrabber camera = FrameGrabber.open(CameraSource.testPattern());
        camera.close();

        CameraException e = assertThrows(CameraException.class, () -> camera.nextFrame(BOUND));

        assertEquals(CameraException.Reason.CLOSED, e.reason());
    }

    @Test
    void closeFromAnotherThreadWakesAWaitingNextFrame() throws Exception {
        // One frame per second: the waiter is sure to be waiting when close comes.
        FrameGrabber camera = FrameGrabber.open(CameraSource.testPattern(), new FrameSize(64, 48), 1);
        camera.nextFrame(BOUND).orElseThrow();
        CompletableFuture<CameraException.Reason> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                camera.nextFrame(Duration.ofSeconds(20));
                return null;
            } catch (CameraException e) {
                return e.reason();
            }
        });
        Thread.sleep(100); // let the waiter block; it would wait 20 s without close
        long closing = System.nanoTime();
        camera.close();

        assertEquals(CameraException.Reason.CLOSED, waiter.get(5, TimeUnit.SECONDS));
        assertTrue(System.nanoTime() - closing < Duration.ofSeconds(2).toNanos());
    }

    @Test
    void closingTwiceIsHarmless() throws Exception {
        FrameGrabber camera = FrameGrabber.open(CameraSource.testPattern());
        camera.nextFrame(BOUND).orElseThrow();

        camera.close();
        camera.close();
    }

    @Test
    void parametersOutOfRangeAreRefusedBeforeAnythingStarts() {
        assertThrows(
                IllegalArgumentException.class,
                () -> FrameGrabber.open(CameraSource.testPattern(), FrameSize.SCANNER, 0));
        assertThrows(
                IllegalArgumentException.class,
                () -> FrameGrabber.open(CameraSource.testPattern(), FrameSize.SCANNER, 61));
        assertThrows(IllegalArgumentException.class, () -> new FrameSize(0, 480));
    }

    private static void grabOneFrame(CameraSource source) throws CameraException {
        try (FrameGrabber camera = FrameGrabber.open(source)) {
            camera.nextFrame(BOUND);
        }
    }
}
