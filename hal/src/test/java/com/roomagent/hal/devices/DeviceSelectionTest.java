package com.roomagent.hal.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.hal.profile.BoardProfile;
import com.roomagent.hal.profile.BoardProfileException;
import com.roomagent.hal.profile.BoardProfiles;
import com.roomagent.hal.testing.FakeSystemTree;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceSelectionTest {
    @TempDir
    Path root;

    @Test
    void builtInCameraNamedByTheProfileWinsOverAUsbOne() throws BoardProfileException {
        new FakeSystemTree(root)
                .usbCamera(
                        "video0",
                        "HD Pro Webcam C920",
                        "1-1.2",
                        "046d:082d",
                        0,
                        UvcDescriptorsTest.webcam().build())
                .platformVideo("video2", "unicam-embedded")
                .platformVideo("video3", "unicam-image");

        DeviceSelection selection = select(BoardProfiles.RASPBERRY_PI_ROOM_KIT);

        assertEquals("video3", selection.camera().orElseThrow().node());
    }

    @Test
    void usbCameraIsUsedWhenTheBoardHasNoneOfItsOwn() throws BoardProfileException {
        new FakeSystemTree(root)
                .platformVideo("video11", "bcm2835-codec-encode")
                .usbCamera(
                        "video0",
                        "HD Pro Webcam C920",
                        "1-1.2",
                        "046d:082d",
                        0,
                        UvcDescriptorsTest.webcam().build());

        DeviceSelection selection = select(BoardProfiles.RASPBERRY_PI_ROOM_KIT);

        assertEquals("video0", selection.camera().orElseThrow().node());
        assertEquals("video11", selection.encoder().orElseThrow().node());
    }

    @Test
    void formatsBeyondTheBoardsCapsAreLeftOut() throws BoardProfileException {
        new FakeSystemTree(root)
                .usbCamera(
                        "video0",
                        "HD Pro Webcam C920",
                        "1-1.2",
                        "046d:082d",
                        0,
                        UvcDescriptorsTest.webcam().build());

        DeviceSelection selection = select(BoardProfiles.GENERIC_ARM64); // up to 1280x720@30

        assertEquals(
                List.of(new VideoFormat("YUYV", 640, 480, 30.0), new VideoFormat("MJPG", 1280, 720, 30.0)),
                selection.cameraFormats());
    }

    @Test
    void preferredSoundCardIsChosenForMicrophoneAndAnyCardForTheSpeaker() throws BoardProfileException {
        new FakeSystemTree(root)
                .soundCard(0, "vc4hdmi0", "vc4-hdmi", "vc4-hdmi-0", "vc4-hdmi-0")
                .pcm(0, 0, 'p', "MAI PCM")
                .soundCard(1, "C920", "USB-Audio", "HD Pro Webcam C920", "at usb-1")
                .pcm(1, 0, 'c', "USB Audio")
                .soundCard(2, "Dummy", "Dummy", "Dummy", "Dummy 1")
                .pcm(2, 0, 'c', "Dummy PCM");

        DeviceSelection selection = select(BoardProfiles.EMULATED); // prefers Dummy, then Loopback

        assertEquals("hw:CARD=Dummy,DEV=0", selection.microphone().orElseThrow().alsaName());
        assertEquals("hw:CARD=vc4hdmi0,DEV=0", selection.speaker().orElseThrow().alsaName());
    }

    @Test
    void emptySystemSelectsNothing() throws BoardProfileException {
        DeviceSelection selection = select(BoardProfiles.EMULATED);

        assertTrue(selection.camera().isEmpty()
                && selection.microphone().isEmpty()
                && selection.speaker().isEmpty());
    }

    private DeviceSelection select(String profileName) throws BoardProfileException {
        BoardProfile profile = BoardProfiles.builtIn(profileName);
        return DeviceSelection.select(profile, new SystemDevices(root).snapshot());
    }
}
