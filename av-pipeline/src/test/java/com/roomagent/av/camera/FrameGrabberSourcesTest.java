package com.roomagent.av.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.av.gst.TestClips;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The test pattern and clips give frames too; a clip loops or ends, as chosen. */
@Timeout(30)
class FrameGrabberSourcesTest {
    private static final Duration BOUND = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void theTestPatternYieldsFramesOfTheRequestedSize() throws Exception {
        try (FrameGrabber camera = FrameGrabber.open(CameraSource.testPattern(), new FrameSize(320, 240), 15)) {
            for (int i = 0; i < 3; i++) {
                Frame frame = camera.nextFrame(BOUND).orElseThrow();
                assertEquals(320, frame.width());
                assertEquals(240, frame.height());
            }
        }
    }

    @Test
    void aClipIsDecodedScaledAndConvertedToLuma() throws Exception {
        Path clip = TestClips.writeMjpegAvi(dir.resolve("white.avi"), "white", 10, 25);
        try (FrameGrabber camera = FrameGrabber.open(CameraSource.clipFile(clip))) {
            Frame frame = camera.nextFrame(BOUND).orElseThrow();

            assertEquals(640, frame.width());
            assertEquals(480, frame.height());
            assertTrue(frame.lumaAt(320, 240) > 215, "white, luma " + frame.lumaAt(320, 240));
        }
    }

    @Test
    void aLoopingClipPlaysPastItsEnd() throws Exception {
        // 5 frames at 25 fps: 0.2 s of clip; 1 s of frames means it looped about five times.
        Path clip = TestClips.writeMjpegAvi(dir.resolve("short.avi"), "black", 5, 25);
        try (FrameGrabber camera = FrameGrabber.open(CameraSource.clipFile(clip), new FrameSize(160, 120), 10)) {
            int frames = 0;
            long started = System.nanoTime();
            while (System.nanoTime() - started < Duration.ofSeconds(1).toNanos()) {
                Frame frame = camera.nextFrame(BOUND).orElseThrow();
                assertTrue(frame.lumaAt(80, 60) < 40, "black, luma " + frame.lumaAt(80, 60));
                assertTrue(frame.timestamp().compareTo(Duration.ofMillis(200)) <= 0, "timestamps restart at each loop");
                frames++;
            }
            assertTrue(frames >= 5, "frames kept coming: " + frames);
        }
    }

    @Test
    void aClipThatStopsReportsTheEndAfterItsFrames() throws Exception {
        Path clip = TestClips.writeMjpegAvi(dir.resolve("once.avi"), "smpte", 5, 25);
        try (FrameGrabber camera = FrameGrabber.open(
                CameraSource.clipFile(clip, CameraSource.ClipEnd.STOP), new FrameSize(160, 120), 10)) {
            camera.nextFrame(BOUND).orElseThrow();

            CameraException e = assertThrows(CameraException.class, () -> {
                while (true) {
                    camera.nextFrame(BOUND);
                }
            });
            assertEquals(CameraException.Reason.END_OF_STREAM, e.reason());
        }
    }
}
