package com.roomagent.av.media;

import static com.roomagent.av.media.TestCall.await;
import static com.roomagent.av.media.TestCall.frames;
import static com.roomagent.av.media.TestCall.luma;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.av.camera.CameraSource;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A camera that is lost and comes back. On the emulated board the camera is a file: a missing
 * file is an unplugged camera (the device node is gone), writing it is plugging the camera back.
 */
@Timeout(60)
class CaptureRecoveryTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void aLostCameraIsReportedTheCallGoesOnInBlackAndCaptureRestartsWhenItComesBack() throws Exception {
        Path camera = dir.resolve("camera.png");
        UnaryOperator<MediaSessionSettings.Builder> fileCamera = settings -> settings.video(
                TestCall.settings(new SsrcPlan(1, 2, 3, 4)).build().video().withCamera(CameraSource.imageFile(camera)));
        try (TestCall call = TestCall.start(fileCamera, UnaryOperator.identity())) {
            await("a reports the camera lost", LIMIT, () -> !call.eventsA.isEmpty());
            MediaEvent.CaptureLost lost = (MediaEvent.CaptureLost) call.eventsA.get(0);
            assertEquals("filesrc", lost.elementName());
            assertTrue(lost.message().contains("not found"), lost.message());

            long frames = frames(call.b);
            await("b keeps decoding black frames", LIMIT, () -> frames(call.b) >= frames + 10);
            assertTrue(luma(call.b) < 25, "luma " + luma(call.b));

            writeWhiteImage(camera);
            await("a reports capture restored", LIMIT, () -> call.eventsA.size() >= 2);
            assertTrue(call.eventsA.get(1) instanceof MediaEvent.CaptureRestored, call.eventsA.toString());
            await("b sees the white picture", LIMIT, () -> luma(call.b) > 200);
            assertEquals(2, call.eventsA.size(), "one loss, one recovery: " + call.eventsA);
        }
    }

    @Test
    void aMissingCameraDeviceIsReportedWithItsElementAndGStreamersMessage() throws Exception {
        UnaryOperator<MediaSessionSettings.Builder> noCamera =
                settings -> settings.video(TestCall.settings(new SsrcPlan(1, 2, 3, 4))
                        .build()
                        .video()
                        .withCamera(CameraSource.v4l2(Path.of("/dev/video-none-99"))));
        try (TestCall call = TestCall.start(noCamera, UnaryOperator.identity())) {
            await("a reports the camera lost", LIMIT, () -> !call.eventsA.isEmpty());
            MediaEvent.CaptureLost lost = (MediaEvent.CaptureLost) call.eventsA.get(0);
            assertEquals("v4l2src", lost.elementName());
            assertTrue(lost.message().contains("/dev/video-none-99"), lost.message());
            await("b still hears a", LIMIT, () -> TestCall.level(call.b) > -30);
        }
    }

    @Test
    void aCameraChangedMidCallSendsTheNewCamerasPictureWithoutRestartingTheCall() throws Exception {
        Path gone = dir.resolve("unplugged.png");
        UnaryOperator<MediaSessionSettings.Builder> fileCamera = settings -> settings.video(
                TestCall.settings(new SsrcPlan(1, 2, 3, 4)).build().video().withCamera(CameraSource.imageFile(gone)));
        try (TestCall call = TestCall.start(fileCamera, UnaryOperator.identity())) {
            await("a reports the camera lost", LIMIT, () -> !call.eventsA.isEmpty());
            await("b decodes black", LIMIT, () -> luma(call.b) >= 0 && luma(call.b) < 25);
            Path replugged = dir.resolve("replugged.png");
            writeWhiteImage(replugged);

            call.a.changeCamera(CameraSource.imageFile(replugged));

            await("b sees the new camera's white picture", LIMIT, () -> luma(call.b) > 200);
            await("b still hears a", LIMIT, () -> TestCall.level(call.b) > -30);
        }
    }

    private static void writeWhiteImage(Path file) throws Exception {
        BufferedImage image = new BufferedImage(TestCall.WIDTH, TestCall.HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
        graphics.dispose();
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        ImageIO.write(image, "png", partial.toFile());
        Files.move(partial, file); // appears whole, like a device node
    }
}
