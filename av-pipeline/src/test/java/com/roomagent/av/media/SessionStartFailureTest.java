package com.roomagent.av.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.av.bitrate.BitratePolicy;
import com.roomagent.av.camera.CameraSource;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A session that cannot be built says which element is to blame, in GStreamer's words. */
@Timeout(30)
class SessionStartFailureTest {

    @Test
    void aMissingEncoderIsRefusedWithItsName() {
        MediaSessionSettings settings = TestCall.settings(SsrcPlan.random(new Random()))
                .video(new VideoSettings(
                        CameraSource.testPattern(),
                        320,
                        240,
                        15,
                        VideoEncoder.hardware("nosuchh264enc"),
                        Duration.ofSeconds(10),
                        BitratePolicy.Limits.HD_720P30))
                .build();

        MediaException e = assertThrows(MediaException.class, () -> start(settings));

        assertEquals(MediaException.Reason.PIPELINE_REFUSED, e.reason());
        assertEquals(Optional.of("nosuchh264enc"), e.elementName());
        assertTrue(e.getMessage().contains("no element \"nosuchh264enc\""), e.getMessage());
    }

    @Test
    void aMissingDisplaySinkIsRefusedWithItsName() {
        MediaSessionSettings settings = TestCall.settings(SsrcPlan.random(new Random()))
                .playback(new PlaybackSettings(
                        PlaybackSettings.DEFAULT_VIDEO_DECODER,
                        VideoOutput.display("nosuchvideosink"),
                        AudioOutput.none(),
                        PlaybackSettings.DEFAULT_JITTER_BUFFER_LATENCY))
                .build();

        MediaException e = assertThrows(MediaException.class, () -> start(settings));

        assertEquals(Optional.of("nosuchvideosink"), e.elementName());
    }

    @Test
    void aDisplayOutputPlaysAndStillCountsFrames() throws Exception {
        // fakesink stands in for kmssink: the display branch of the tee is built and played.
        try (TestCall call = TestCall.start(
                settings -> settings.playback(new PlaybackSettings(
                        PlaybackSettings.DEFAULT_VIDEO_DECODER,
                        VideoOutput.display("fakesink"),
                        AudioOutput.device("fakesink"),
                        PlaybackSettings.DEFAULT_JITTER_BUFFER_LATENCY)),
                settings -> settings)) {
            TestCall.await("a counts b's frames", Duration.ofSeconds(10), () -> TestCall.frames(call.a) >= 10);
        }
    }

    private static void start(MediaSessionSettings settings) throws MediaException {
        MediaSession.start(settings, TestCall.randomKeys(new Random()), (ByteBuffer packet) -> {}, event -> {})
                .close();
    }
}
