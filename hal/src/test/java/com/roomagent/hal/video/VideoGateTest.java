package com.roomagent.hal.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.hal.devices.VideoDevice;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VideoGateTest {
    private static final VideoDevice CAMERA = new VideoDevice(
            "video0",
            Path.of("/dev/video0"),
            "HD Pro Webcam C920",
            VideoDevice.Role.CAPTURE,
            "usb",
            "046d:082d",
            "uvcvideo",
            List.of());

    private final List<VideoStatus> changes = new ArrayList<>();
    private final VideoGate gate = new VideoGate(changes::add);

    @Test
    void closedShutterStopsVideoAndSaysSo() {
        gate.camera(Optional.of(CAMERA));

        gate.shutterClosed(true);

        assertFalse(gate.status().available());
        assertEquals("video stopped: privacy shutter closed", gate.status().text());
    }

    @Test
    void openingTheShutterGivesVideoBack() {
        gate.camera(Optional.of(CAMERA));
        gate.shutterClosed(true);

        gate.shutterClosed(false);

        assertTrue(gate.status().available());
        assertEquals(
                "video available: HD Pro Webcam C920 (/dev/video0)",
                gate.status().text());
        assertEquals(3, changes.size());
    }

    @Test
    void noCameraMeansNoVideo() {
        gate.shutterClosed(false);

        assertEquals(new VideoStatus(false, "video stopped: no camera found"), gate.status());
        assertEquals(List.of(), changes, "already stopped for want of a camera: no change to report");
    }

    @Test
    void shutterReasonWinsOverAMissingCamera() {
        gate.shutterClosed(true);

        assertEquals(VideoStatus.SHUTTER_CLOSED, gate.status().text());
    }
}
