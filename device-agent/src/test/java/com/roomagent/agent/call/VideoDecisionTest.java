package com.roomagent.agent.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.av.camera.CameraSource;
import com.roomagent.hal.devices.VideoDevice;
import com.roomagent.hal.video.VideoStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a call sends video, from what, and what its status says. */
class VideoDecisionTest {
    private static final VideoDevice WEBCAM = camera("video0");
    private static final Optional<VideoDevice> NONE = Optional.empty();

    @Test
    void theCameraModeSendsTheHalsCameraByItsDeviceNode() {
        VideoDecision decision = VideoDecision.decide(VideoSourceMode.CAMERA, false, Optional.of(WEBCAM), NONE);

        assertTrue(decision.sending());
        assertEquals(Optional.of(CameraSource.v4l2(Path.of("/dev/video0"))), decision.source());
        assertEquals("video sending: HD Pro Webcam C920 (/dev/video0)", decision.text());
    }

    @Test
    void aClosedShutterStopsVideoWhateverTheSource() {
        for (VideoSourceMode mode : List.of(VideoSourceMode.CAMERA, VideoSourceMode.TEST_PATTERN)) {
            VideoDecision decision = VideoDecision.decide(mode, true, Optional.of(WEBCAM), NONE);

            assertFalse(decision.sending(), mode.keyword());
            assertEquals(VideoStatus.SHUTTER_CLOSED, decision.text());
        }
    }

    @Test
    void aCameraThatWentAwayStopsVideoAndIsNamed() {
        for (VideoSourceMode mode : List.of(VideoSourceMode.CAMERA, VideoSourceMode.TEST_PATTERN)) {
            VideoDecision decision = VideoDecision.decide(mode, false, NONE, Optional.of(WEBCAM));

            assertFalse(decision.sending(), mode.keyword());
            assertEquals("video stopped: camera unplugged (HD Pro Webcam C920)", decision.text());
        }
    }

    @Test
    void aCameraPluggedBackOnAnotherNodeIsCapturedThere() {
        VideoDecision decision =
                VideoDecision.decide(VideoSourceMode.CAMERA, false, Optional.of(camera("video2")), Optional.of(WEBCAM));

        assertTrue(decision.sending());
        assertEquals(Optional.of(CameraSource.v4l2(Path.of("/dev/video2"))), decision.source());
    }

    @Test
    void withoutAnyCameraTheCameraModeSendsBlackAndTheTestPatternPlays() {
        VideoDecision camera = VideoDecision.decide(VideoSourceMode.CAMERA, false, NONE, NONE);
        VideoDecision pattern = VideoDecision.decide(VideoSourceMode.TEST_PATTERN, false, NONE, NONE);

        assertFalse(camera.sending());
        assertEquals(VideoStatus.NO_CAMERA, camera.text());
        assertTrue(pattern.sending());
        assertEquals(VideoDecision.TEST_PATTERN, pattern.text());
    }

    private static VideoDevice camera(String node) {
        return new VideoDevice(
                node,
                Path.of("/dev/" + node),
                "HD Pro Webcam C920",
                VideoDevice.Role.CAPTURE,
                "usb",
                "046d:082d",
                "uvcvideo",
                List.of());
    }
}
