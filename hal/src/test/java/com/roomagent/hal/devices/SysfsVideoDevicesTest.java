package com.roomagent.hal.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.roomagent.hal.devices.VideoDevice.Role;
import com.roomagent.hal.testing.FakeSystemTree;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysfsVideoDevicesTest {
    @TempDir
    Path root;

    @Test
    void usbCameraIsFoundWithItsIdsDriverAndFormats() {
        new FakeSystemTree(root)
                .usbCamera(
                        "video0",
                        "HD Pro Webcam C920",
                        "1-1.2",
                        "046d:082d",
                        0,
                        UvcDescriptorsTest.webcam().build());

        List<VideoDevice> devices = new SysfsVideoDevices(root).read();

        assertEquals(1, devices.size());
        VideoDevice camera = devices.get(0);
        assertEquals("video0", camera.node());
        assertEquals(root.resolve("dev/video0"), camera.deviceNode());
        assertEquals("HD Pro Webcam C920", camera.name());
        assertEquals(Role.CAPTURE, camera.role());
        assertEquals("usb", camera.bus());
        assertEquals("046d:082d", camera.usbId());
        assertEquals("uvcvideo", camera.driver());
        assertEquals(5, camera.formats().size());
        assertEquals(new VideoFormat("MJPG", 1280, 720, 30.0), camera.formats().get(2));
    }

    @Test
    void uvcMetadataNodeIsNotACapture() {
        byte[] descriptors = UvcDescriptorsTest.webcam().build();
        new FakeSystemTree(root).usbCamera("video1", "HD Pro Webcam C920", "1-1.2", "046d:082d", 1, descriptors);

        VideoDevice metadata = new SysfsVideoDevices(root).read().get(0);

        assertEquals(Role.METADATA, metadata.role());
        assertEquals(List.of(), metadata.formats());
    }

    @Test
    void platformDevicesAreListedWithEncodersRecognisedByName() {
        new FakeSystemTree(root)
                .platformVideo("video0", "unicam-image")
                .platformVideo("video11", "bcm2835-codec-encode")
                .platformVideo("video2", "bcm2835-codec-decode");

        List<VideoDevice> devices = new SysfsVideoDevices(root).read();

        assertEquals(
                List.of("video0", "video2", "video11"),
                devices.stream().map(VideoDevice::node).toList());
        assertEquals(Role.UNKNOWN, devices.get(0).role());
        assertEquals("platform", devices.get(0).bus());
        assertEquals("unicam", devices.get(0).driver());
        assertEquals(Role.UNKNOWN, devices.get(1).role());
        assertEquals(Role.ENCODER, devices.get(2).role());
    }

    @Test
    void systemWithoutV4l2HasNoVideoDevices() {
        assertEquals(List.of(), new SysfsVideoDevices(root).read());
    }
}
