package com.roomagent.agent.call;

import com.roomagent.av.camera.CameraSource;
import com.roomagent.hal.devices.VideoDevice;
import com.roomagent.hal.video.VideoStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a call sends video now, from what, and what the status says about it. Pure: {@link
 * CallMedia} feeds it the HAL's state on every HAL event and applies the difference to the
 * session.
 *
 * <p>Rules, in order: a closed privacy shutter stops video ({@value VideoStatus#SHUTTER_CLOSED});
 * a camera that was there during the call and went away stops video ("video stopped: camera
 * unplugged (NAME)") until the HAL selects a camera again; in {@link VideoSourceMode#CAMERA} mode
 * no camera at all stops video ({@value VideoStatus#NO_CAMERA}); otherwise video is sent, from the
 * HAL's camera node or from the test pattern. While stopped, the far end receives black frames.
 *
 * @param sending whether capture should run
 * @param source where frames come from while sending; empty when there is nothing to capture
 * @param text the status line
 */
public record VideoDecision(boolean sending, Optional<CameraSource> source, String text) {
    /** The status line while the test pattern stands in for the camera. */
    public static final String TEST_PATTERN = "video sending: test pattern (emulated camera)";

    public VideoDecision {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
    }

    /**
     * @param mode {@link VideoSourceMode#CAMERA} or {@link VideoSourceMode#TEST_PATTERN}
     * @param shutterClosed whether the HAL sees the privacy shutter closed
     * @param camera the camera the HAL selected, if any
     * @param lastCamera the camera selected earlier in this call, if there was one
     */
    public static VideoDecision decide(
            VideoSourceMode mode,
            boolean shutterClosed,
            Optional<VideoDevice> camera,
            Optional<VideoDevice> lastCamera) {
        Optional<CameraSource> source = mode == VideoSourceMode.TEST_PATTERN
                ? Optional.of(CameraSource.testPattern())
                : camera.map(device -> CameraSource.v4l2(device.deviceNode()));
        if (shutterClosed) {
            return new VideoDecision(false, source, VideoStatus.SHUTTER_CLOSED);
        }
        if (camera.isEmpty() && lastCamera.isPresent()) {
            return new VideoDecision(
                    false,
                    source,
                    "video stopped: camera unplugged (" + lastCamera.get().name() + ")");
        }
        if (mode == VideoSourceMode.TEST_PATTERN) {
            return new VideoDecision(true, source, TEST_PATTERN);
        }
        if (camera.isEmpty()) {
            return new VideoDecision(false, source, VideoStatus.NO_CAMERA);
        }
        VideoDevice device = camera.get();
        return new VideoDecision(true, source, "video sending: " + device.name() + " (" + device.deviceNode() + ")");
    }
}
