package com.roomagent.agent.call;

import static com.roomagent.agent.call.TwoRooms.await;
import static com.roomagent.agent.call.TwoRooms.frames;
import static com.roomagent.agent.call.TwoRooms.level;
import static com.roomagent.agent.call.TwoRooms.luma;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.hal.video.VideoStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two rooms' call media through an in-memory channel, with real GStreamer (test pattern, test
 * tone) and the emulated boards' hands. Every check is made on what the far end decodes: frames,
 * their brightness, the level it hears; never on a flag alone.
 */
@Timeout(90)
class CallMediaTest {
    private static final Duration LIMIT = Duration.ofSeconds(15);
    /** Black in I420 is luma 16; the test pattern's colour bars average far above. */
    private static final double BLACK = 25;

    private static final double PICTURE = 60;

    @TempDir
    Path dirA;

    @TempDir
    Path dirB;

    @Test
    void eachRoomDecodesTheOthersVideoAndHearsItsAudioWithStatisticsPerStream() throws Exception {
        try (TwoRooms rooms = new TwoRooms(dirA, dirB)) {
            await("b sees a's picture", LIMIT, () -> luma(rooms.b) > PICTURE);
            await("a sees b's picture", LIMIT, () -> luma(rooms.a) > PICTURE);
            await("b hears a", LIMIT, () -> level(rooms.b) > -30);
            await("a hears b", LIMIT, () -> level(rooms.a) > -30);
            await(
                    "a's sent video has a round-trip time from b's reports",
                    LIMIT,
                    () -> rooms.a.status().stream("video", "sent").roundTripMs() != null);

            CallStatus status = rooms.a.status();
            assertEquals("active", status.state());
            assertEquals("udp", status.transport());
            assertEquals("320x240@15", status.videoFormat());
            assertEquals("x264enc", status.encoder());
            assertEquals(VideoDecision.TEST_PATTERN, status.video().text());
            assertEquals(4, status.streams().size());
            for (CallStatus.Stream stream : status.streams()) {
                assertTrue(stream.packets() > 0, "packets flow: " + stream);
                assertTrue(stream.bytes() > 0, "bytes flow: " + stream);
                assertEquals(0, stream.undecryptablePackets(), "right keys: " + stream);
            }
            await(
                    "a measures b's video bitrate",
                    LIMIT,
                    () -> rooms.a.status().stream("video", "received").bitrateKbps() > 0);
        }
    }

    @Test
    void pressingTheMuteButtonSilencesWhatTheFarEndHearsAndLightsTheLed() throws Exception {
        try (TwoRooms rooms = new TwoRooms(dirA, dirB)) {
            await("b hears a's tone", LIMIT, () -> level(rooms.b) > -30);

            pressMute(rooms);

            await("b hears silence", LIMIT, () -> level(rooms.b) < -60);
            assertTrue(rooms.a.status().microphoneMuted());
            assertTrue(rooms.halA.microphoneMuted(), "the HAL holds the mute state");
            assertEquals("lit: microphone muted", muteLed(rooms));
            await("a still hears b", LIMIT, () -> level(rooms.a) > -30);

            pressMute(rooms);

            await("b hears the tone again", LIMIT, () -> level(rooms.b) > -30);
            assertFalse(rooms.a.status().microphoneMuted());
        }
    }

    @Test
    void muteFromTheAgentGoesThroughTheHalSoTheLedAndTheFarEndAgree() throws Exception {
        try (TwoRooms rooms = new TwoRooms(dirA, dirB)) {
            await("b hears a's tone", LIMIT, () -> level(rooms.b) > -30);

            rooms.a.setMicrophoneMuted(true);

            await("b hears silence", LIMIT, () -> level(rooms.b) < -60);
            assertTrue(rooms.halA.microphoneMuted());
            assertEquals("lit: microphone muted", muteLed(rooms));

            pressMute(rooms); // the button after a remote mute unmutes: one state, two hands

            await("b hears the tone again", LIMIT, () -> level(rooms.b) > -30);
            assertFalse(rooms.halA.microphoneMuted());
        }
    }

    @Test
    void closingThePrivacyShutterStopsVideoSaysSoAndLeavesAudioAlone() throws Exception {
        try (TwoRooms rooms = new TwoRooms(dirA, dirB)) {
            await("b sees a's picture", LIMIT, () -> luma(rooms.b) > PICTURE);

            rooms.halA.emulatedControls().orElseThrow().closePrivacyShutter();

            await("b sees black", LIMIT, () -> luma(rooms.b) >= 0 && luma(rooms.b) < BLACK);
            CallStatus status = rooms.a.status();
            assertEquals(VideoStatus.SHUTTER_CLOSED, status.video().text());
            assertFalse(status.video().sending());
            assertTrue(status.video().shutterClosed());
            await("b still hears a", LIMIT, () -> level(rooms.b) > -30);

            rooms.halA.emulatedControls().orElseThrow().openPrivacyShutter();

            await("b sees a's picture again", LIMIT, () -> luma(rooms.b) > PICTURE);
            assertTrue(rooms.a.status().video().sending());
        }
    }

    @Test
    void anUnpluggedCameraStopsVideoWithoutAudioAndCaptureRestartsWhenItIsPluggedBack() throws Exception {
        try (TwoRooms rooms = new TwoRooms(dirA, dirB)) {
            await("b sees a's picture", LIMIT, () -> luma(rooms.b) > PICTURE);

            rooms.systemA.unplugUsbCamera(TwoRooms.CAMERA_NODE, TwoRooms.CAMERA_PORT);

            await("b sees black", LIMIT, () -> luma(rooms.b) >= 0 && luma(rooms.b) < BLACK);
            assertEquals(
                    "video stopped: camera unplugged (" + TwoRooms.CAMERA_NAME + ")",
                    rooms.a.status().video().text());
            await("b still hears a", LIMIT, () -> level(rooms.b) > -30);

            rooms.systemA.plugUsbCamera(TwoRooms.CAMERA_NODE, TwoRooms.CAMERA_NAME, TwoRooms.CAMERA_PORT);

            await("b sees a's picture again", LIMIT, () -> luma(rooms.b) > PICTURE);
            assertEquals(VideoDecision.TEST_PATTERN, rooms.a.status().video().text());
        }
    }

    @Test
    void theCameraSourceCapturesTheHalsNodeReportsGStreamersErrorAndFollowsTheCameraToItsNewNode() throws Exception {
        // The fake /dev/video0 is a plain file: v4l2src fails on it as on a node that is not a camera.
        try (TwoRooms rooms = new TwoRooms(dirA, dirB, VideoSourceMode.CAMERA)) {
            await(
                    "a reports v4l2src's failure on /dev/video0",
                    LIMIT,
                    () -> rooms.a
                            .status()
                            .video()
                            .text()
                            .startsWith("video stopped: camera capture failed (v4l2src: "));
            CallStatus failing = rooms.a.status();
            assertTrue(
                    failing.video().text().contains("video0"), failing.video().text());
            assertEquals(
                    "camera " + rooms.systemA.root().resolve("dev/video0"),
                    failing.video().source());
            await("b decodes black meanwhile", LIMIT, () -> luma(rooms.b) >= 0 && luma(rooms.b) < BLACK);
            await("b hears a meanwhile", LIMIT, () -> level(rooms.b) > -30);

            rooms.systemA.unplugUsbCamera(TwoRooms.CAMERA_NODE, TwoRooms.CAMERA_PORT);
            await(
                    "a says the camera is unplugged",
                    LIMIT,
                    () -> rooms.a
                            .status()
                            .video()
                            .text()
                            .equals("video stopped: camera unplugged (" + TwoRooms.CAMERA_NAME + ")"));

            rooms.systemA.plugUsbCamera("video2", TwoRooms.CAMERA_NAME, TwoRooms.CAMERA_PORT);
            await(
                    "a captures from the camera's new node",
                    LIMIT,
                    () -> rooms.a.status().video().text().contains("video2"));
            assertEquals(
                    "camera " + rooms.systemA.root().resolve("dev/video2"),
                    rooms.a.status().video().source());
        }
    }

    @Test
    void reKeyingMidCallKeepsFramesFlowingBothWays() throws Exception {
        try (TwoRooms rooms = new TwoRooms(dirA, dirB)) {
            await("b decodes a's frames", LIMIT, () -> frames(rooms.b) > 5);
            await("a decodes b's frames", LIMIT, () -> frames(rooms.a) > 5);

            var next = TwoRooms.randomKeys(new Random());
            rooms.a.rekey(next);
            rooms.b.rekey(next.reversed());

            long seenByB = frames(rooms.b);
            long seenByA = frames(rooms.a);
            await("b keeps decoding", LIMIT, () -> frames(rooms.b) > seenByB + 30);
            await("a keeps decoding", LIMIT, () -> frames(rooms.a) > seenByA + 30);
            await("b still hears a", LIMIT, () -> level(rooms.b) > -30);
            assertEquals(0, rooms.b.status().stream("video", "received").undecryptablePackets());
        }
    }

    @Test
    void packetsThatAreNotSrtpAreLeftToTheMediaPath() throws Exception {
        try (TwoRooms rooms = new TwoRooms(dirA, dirB)) {
            await("b decodes a's frames", LIMIT, () -> frames(rooms.b) > 0);

            rooms.b.packet(new byte[] {0x00, 0x01, 0x00, 0x00}); // a STUN binding request's first bytes
            rooms.b.packet(new byte[] {22, (byte) 0xfe, (byte) 0xfd}); // a DTLS handshake record

            CallStatus status = rooms.b.status();
            assertEquals(2, status.ignoredPackets());
            assertNotNull(status.received());
            long frames = frames(rooms.b);
            await("b keeps decoding", LIMIT, () -> frames(rooms.b) > frames + 5);
        }
    }

    private static void pressMute(TwoRooms rooms) throws InterruptedException {
        boolean before = rooms.halA.microphoneMuted();
        var controls = rooms.halA.emulatedControls().orElseThrow();
        controls.pressMuteButton();
        controls.releaseMuteButton();
        await("the HAL toggled the microphone", LIMIT, () -> rooms.halA.microphoneMuted() != before);
        Thread.sleep(100); // beyond the button's 30 ms debounce before any next press
    }

    private static String muteLed(TwoRooms rooms) {
        return rooms.halA.status().features().stream()
                .filter(f -> f.feature().label().equals("mute LED"))
                .findFirst()
                .orElseThrow()
                .detail();
    }
}
