package com.roomagent.agent.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.av.bitrate.BitratePolicy;
import com.roomagent.av.bitrate.TransportKind;
import com.roomagent.av.camera.CameraSource;
import com.roomagent.av.media.AudioOutput;
import com.roomagent.av.media.AudioSource;
import com.roomagent.av.media.SsrcPlan;
import com.roomagent.av.media.VideoEncoder;
import com.roomagent.av.media.VideoOutput;
import com.roomagent.hal.devices.AudioDevice;
import com.roomagent.hal.devices.DeviceSelection;
import com.roomagent.hal.devices.PcmDevice;
import com.roomagent.hal.devices.SoundCard;
import com.roomagent.hal.devices.VideoDevice;
import com.roomagent.hal.profile.BoardProfiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the board profile, the HAL's devices and media.videoSource make a call's pipeline. */
class CallMediaPlanTest {
    private static final DeviceSelection NOTHING =
            new DeviceSelection(Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    private static final VideoDevice ENCODER_DEVICE = new VideoDevice(
            "video11",
            Path.of("/dev/video11"),
            "bcm2835-codec-encode",
            VideoDevice.Role.ENCODER,
            "platform",
            "",
            "bcm2835-codec",
            List.of());

    @Test
    void theEmulatedBoardSendsTheTestPatternAndToneAndPlaysToAStandInSpeaker() throws Exception {
        CallMediaPlan plan = CallMediaPlan.of(
                BoardProfiles.builtIn(BoardProfiles.EMULATED), NOTHING, VideoSourceMode.AUTO, element -> true);

        assertTrue(plan.emulatedBoard());
        assertEquals(VideoSourceMode.TEST_PATTERN, plan.videoSource());
        assertEquals(AudioSource.testTone(), plan.audioSource());
        assertEquals(VideoOutput.none(), plan.playback().video());
        assertEquals(AudioOutput.device("fakesink"), plan.playback().audio());
        assertEquals(VideoEncoder.x264(), plan.encoder());
        assertEquals(Optional.empty(), plan.encoderNote());
    }

    @Test
    void videoIsCappedByTheBoardProfile() throws Exception {
        CallMediaPlan plan = CallMediaPlan.of(
                BoardProfiles.builtIn(BoardProfiles.RASPBERRY_PI_ROOM_KIT), NOTHING, VideoSourceMode.AUTO, e -> true);

        assertEquals(1920, plan.width());
        assertEquals(1080, plan.height());
        assertEquals(30, plan.framesPerSecond());
        var video = plan.sessionSettings(new SsrcPlan(1, 2, 3, 4), CameraSource.testPattern(), true, TransportKind.UDP)
                .build()
                .video();
        assertEquals(1920, video.width());
        assertEquals(30, video.framesPerSecond());
    }

    @Test
    void theBitrateRangeFollowsThePixelRateFrom720p30() throws Exception {
        CallMediaPlan hd = CallMediaPlan.of(
                BoardProfiles.builtIn(BoardProfiles.EMULATED), NOTHING, VideoSourceMode.AUTO, e -> true);
        CallMediaPlan small =
                CallMediaPlan.of(TwoRooms.smallEmulatedProfile(), NOTHING, VideoSourceMode.AUTO, e -> true);
        CallMediaPlan fullHd = CallMediaPlan.of(
                BoardProfiles.builtIn(BoardProfiles.RASPBERRY_PI_ROOM_KIT), NOTHING, VideoSourceMode.AUTO, e -> true);

        assertEquals(BitratePolicy.Limits.HD_720P30, hd.bitrateLimits());
        assertEquals(new BitratePolicy.Limits(150, 300, 200), small.bitrateLimits());
        assertEquals(new BitratePolicy.Limits(150, 5625, 3375), fullHd.bitrateLimits());
    }

    @Test
    void aRealBoardUsesTheHalsMicrophoneTheDisplayAndTheSpeaker() throws Exception {
        SoundCard card = new SoundCard(1, "C920", "USB-Audio", "HD Pro Webcam C920", "at usb-1", List.of());
        AudioDevice microphone = new AudioDevice(
                card, new PcmDevice(0, PcmDevice.Direction.CAPTURE, "USB Audio", "USB Audio", 1, OptionalInt.empty()));
        AudioDevice speaker = new AudioDevice(
                card, new PcmDevice(1, PcmDevice.Direction.PLAYBACK, "USB Audio", "USB Audio", 1, OptionalInt.empty()));
        DeviceSelection selection = new DeviceSelection(
                Optional.empty(), List.of(), Optional.of(microphone), Optional.of(speaker), Optional.empty());

        CallMediaPlan plan = CallMediaPlan.of(
                BoardProfiles.builtIn(BoardProfiles.GENERIC_ARM64), selection, VideoSourceMode.AUTO, e -> true);

        assertEquals(VideoSourceMode.CAMERA, plan.videoSource());
        assertEquals(AudioSource.alsa("hw:CARD=C920,DEV=0"), plan.audioSource());
        assertEquals(VideoOutput.display("kmssink"), plan.playback().video());
        assertEquals(
                AudioOutput.device("alsasink", "hw:CARD=C920,DEV=1"),
                plan.playback().audio());
    }

    @Test
    void theHardwareEncoderIsUsedWhenGStreamerHasItAndTheSystemHasTheDevice() throws Exception {
        DeviceSelection withEncoder = new DeviceSelection(
                Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.of(ENCODER_DEVICE));

        CallMediaPlan plan = CallMediaPlan.of(
                BoardProfiles.builtIn(BoardProfiles.RASPBERRY_PI_ROOM_KIT),
                withEncoder,
                VideoSourceMode.AUTO,
                Set.of("v4l2h264enc")::contains);

        assertEquals(VideoEncoder.hardware("v4l2h264enc"), plan.encoder());
        assertEquals(Optional.empty(), plan.encoderNote());
    }

    @Test
    void aMissingEncoderElementFallsBackToX264AndSaysWhatToInstall() throws Exception {
        DeviceSelection withEncoder = new DeviceSelection(
                Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.of(ENCODER_DEVICE));

        CallMediaPlan plan = CallMediaPlan.of(
                BoardProfiles.builtIn(BoardProfiles.RASPBERRY_PI_ROOM_KIT),
                withEncoder,
                VideoSourceMode.AUTO,
                element -> false);

        assertEquals(VideoEncoder.x264(), plan.encoder());
        assertTrue(
                plan.encoderNote().orElseThrow().contains("GStreamer has no such element"),
                plan.encoderNote().get());
    }

    @Test
    void aMissingEncoderDeviceFallsBackToX264AndSaysHowToSilenceIt() throws Exception {
        CallMediaPlan plan = CallMediaPlan.of(
                BoardProfiles.builtIn(BoardProfiles.RASPBERRY_PI_ROOM_KIT), NOTHING, VideoSourceMode.AUTO, e -> true);

        assertEquals(VideoEncoder.x264(), plan.encoder());
        assertTrue(
                plan.encoderNote().orElseThrow().contains("board.video.encoder=x264"),
                plan.encoderNote().get());
    }

    @Test
    void anExplicitVideoSourceOverridesTheBoardsDefault() throws Exception {
        assertEquals(
                VideoSourceMode.CAMERA,
                CallMediaPlan.of(
                                BoardProfiles.builtIn(BoardProfiles.EMULATED),
                                NOTHING,
                                VideoSourceMode.CAMERA,
                                e -> true)
                        .videoSource());
        assertEquals(
                VideoSourceMode.TEST_PATTERN,
                CallMediaPlan.of(
                                BoardProfiles.builtIn(BoardProfiles.GENERIC_ARM64),
                                NOTHING,
                                VideoSourceMode.TEST_PATTERN,
                                e -> true)
                        .videoSource());
    }
}
