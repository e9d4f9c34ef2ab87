package com.roomagent.av.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An image file is shown as a steady video of GRAY8 frames that look like the image. */
@Timeout(30)
class FrameGrabberImageFileTest {
    private static final Duration FIRST_FRAME = Duration.ofSeconds(5);
    private static final int DARK = 40;
    private static final int LIGHT = 215;

    @TempDir
    Path dir;

    @Test
    void framesHaveTheRequestedSizeAndTheImagesPixels() throws Exception {
        Path png = TestImages.blackSquareOnWhite(dir.resolve("square.png"), 640, 480, 100, 80, 120);
        try (FrameGrabber camera = FrameGrabber.open(CameraSource.imageFile(png))) {
            Frame frame = camera.nextFrame(FIRST_FRAME).orElseThrow();

            assertEquals(640, frame.width());
            assertEquals(480, frame.height());
            assertEquals(640 * 480, frame.luma().length);
            assertDark(frame, 160, 140); // the square's centre
            assertDark(frame, 102, 82); // just inside its top left corner
            assertDark(frame, 217, 197); // just inside its bottom right corner
            assertLight(frame, 97, 140); // just left of it
            assertLight(frame, 160, 203); // just below it
            assertLight(frame, 10, 10);
            assertLight(frame, 630, 470);
        }
    }

    @Test
    void aSmallerImageIsScaledToTheFrameSize() throws Exception {
        Path png = TestImages.blackSquareOnWhite(dir.resolve("small.png"), 320, 240, 50, 40, 60);
        try (FrameGrabber camera = FrameGrabber.open(CameraSource.imageFile(png), new FrameSize(640, 480), 10)) {
            Frame frame = camera.nextFrame(FIRST_FRAME).orElseThrow();

            assertDark(frame, 160, 140); // (80, 70) in the image, doubled
            assertDark(frame, 105, 85);
            assertLight(frame, 230, 140);
            assertLight(frame, 160, 210);
        }
    }

    @Test
    void aWidthThatIsNotAMultipleOfFourLosesItsRowPadding() throws Exception {
        // GStreamer pads GRAY8 rows of 322 pixels to 324 bytes; a wrong stride would shear the square
        // by two pixels per row, 300 pixels by its last row.
        Path png = TestImages.blackSquareOnWhite(dir.resolve("odd.png"), 322, 242, 200, 100, 60);
        try (FrameGrabber camera = FrameGrabber.open(CameraSource.imageFile(png), new FrameSize(322, 242), 10)) {
            Frame frame = camera.nextFrame(FIRST_FRAME).orElseThrow();

            assertEquals(322 * 242, frame.luma().length);
            assertDark(frame, 230, 103);
            assertDark(frame, 230, 156);
            assertDark(frame, 257, 156);
            assertLight(frame, 195, 156);
            assertLight(frame, 265, 103);
            assertLight(frame, 321, 241);
        }
    }

    @Test
    void framesKeepComingAtTheRequestedRateWithRisingTimestamps() throws Exception {
        Path png = TestImages.blackSquareOnWhite(dir.resolve("rate.png"), 640, 480, 100, 80, 120);
        long openedAt = System.nanoTime();
        try (FrameGrabber camera = FrameGrabber.open(CameraSource.imageFile(png), FrameSize.SCANNER, 10)) {
            Frame first = camera.nextFrame(FIRST_FRAME).orElseThrow();
            long firstAt = System.nanoTime();
            int frames = 0;
            Duration last = first.timestamp();
            while (System.nanoTime() - firstAt < Duration.ofSeconds(2).toNanos()) {
                Frame frame = camera.nextFrame(Duration.ofSeconds(1)).orElseThrow();
                assertTrue(frame.timestamp().compareTo(last) > 0, "timestamps rise");
                last = frame.timestamp();
                frames++;
            }
            double perSecond = frames / ((System.nanoTime() - firstAt) / 1e9);
            System.out.printf(
                    "imageFile 640x480@10: first frame after %d ms, %.1f frames/s%n",
                    Duration.ofNanos(firstAt - openedAt).toMillis(), perSecond);
            assertTrue(perSecond > 7 && perSecond < 13, "about 10 frames/s, got " + perSecond);
        }
    }

    private static void assertDark(Frame frame, int x, int y) {
        int luma = frame.lumaAt(x, y);
        assertTrue(luma < DARK, "pixel (" + x + ", " + y + ") should be dark, luma " + luma);
    }

    private static void assertLight(Frame frame, int x, int y) {
        int luma = frame.lumaAt(x, y);
        assertTrue(luma > LIGHT, "pixel (" + x + ", " + y + ") should be light, luma " + luma);
    }
}
