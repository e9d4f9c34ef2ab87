package com.roomagent.agent.call;

import static com.roomagent.agent.call.TwoRooms.await;
import static com.roomagent.agent.call.TwoRooms.frames;
import static com.roomagent.agent.call.TwoRooms.level;
import static com.roomagent.agent.call.TwoRooms.luma;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.av.media.AudioSource;
import com.roomagent.hal.video.VideoStatus;
import com.roomagent.protocol.metrics.MediaStatisticsRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.DoublePredicate;
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
    void eachStreamsQualityGoesToTheMetricsEveryIntervalAndOnceMoreWhenTheCallEnds() throws Exception {
        try (TwoRooms rooms = new TwoRooms(dirA, dirB)) {
            await(
                    "a records packets of every stream",
                    LIMIT,
                    () -> List.of("video-send", "video-receive", "audio-send", "audio-receive").stream()
                            .allMatch(stream -> rooms.metricsA.stream()
                                    .anyMatch(
                                            r -> r.stream().equals(stream) && r.packets() > 0 && r.bitrateKbps() > 0)));
            await(
                    "a records the video's round-trip time",
                    LIMIT,
                    () -> rooms.metricsA.stream()
                            .anyMatch(r -> r.stream().equals("video-send") && r.roundTripMillis() > 0));
            assertTrue(rooms.metricsA.stream().allMatch(r -> r.sessionId().equals("call-1")));

            rooms.a.close();

            long recorded = rooms.metricsA.stream()
                    .filter(r -> r.stream().equals("audio-send"))
                    .mapToLong(MediaStatisticsRecord::packets)
                    .sum();
            int size = rooms.metricsA.size();
            Thread.sleep(3 * TwoRooms.METRICS_INTERVAL.toMillis());
            assertEquals(size, rooms.metricsA.size(), "nothing recorded after the end");
            // 20 ms Opus frames: about 50 packets a second, all counted once across the intervals.
            assertTrue(recorded >= 50, "audio packets recorded: " + recorded);
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
    void anUnpluggedMicrophoneGivesTheFarEndSilenceWhileVideoGoesOnAndCaptureRestartsWhenItIsPluggedBack()
            throws Exception {
        try (TwoRooms rooms = new TwoRooms(dirA, dirB)) {
            awaitHeard(rooms.b, "b hears a's tone", level -> level > -30);
            assertEquals(AudioDecision.TEST_TONE, rooms.a.status().audio().text());
            CallStatus.Stream sentBefore = rooms.a.status().stream("audio", "sent");

            rooms.systemA.unplugSoundCard(TwoRooms.MICROPHONE_CARD);

            awaitHeard(rooms.b, "b hears silence", level -> level < -60);
            CallStatus unplugged = rooms.a.status();
            assertEquals(
                    "audio stopped: microphone unplugged (" + TwoRooms.MICROPHONE_NAME + ")",
                    unplugged.audio().text());
            assertFalse(unplugged.audio().capturing());
            assertTrue(unplugged.audio().playing(), "the speaker is another card: " + unplugged.audio());
            long frames = frames(rooms.b);
            await(
                    "b keeps decoding a's picture",
                    LIMIT,
                    () -> frames(rooms.b) > frames + 10 && luma(rooms.b) > PICTURE);
            assertNull(unplugged.elementFailure(), "no pipeline error");

            rooms.systemA.plugSoundCard(
                    TwoRooms.MICROPHONE_CARD, TwoRooms.MICROPHONE_ID, TwoRooms.MICROPHONE_NAME, true, false);

            awaitHeard(rooms.b, "b hears the tone again", level -> level > -30);
            CallStatus replugged = rooms.a.status();
            assertEquals(AudioDecision.TEST_TONE, replugged.audio().text());
            CallStatus.Stream sentAfter = replugged.stream("audio", "sent");
            assertEquals(sentBefore.ssrc(), sentAfter.ssrc(), "the same RTP stream, not a new session");
            assertTrue(sentAfter.packets() > sentBefore.packets(), sentBefore + " then " + sentAfter);
            assertNull(replugged.elementFailure());
        }
    }

    @Test
    void anUnpluggedSpeakerPlaysNothingWhileTheCallGoesOnAndPlaysAgainWhenItIsPluggedBack() throws Exception {
        try (TwoRooms rooms = new TwoRooms(dirA, dirB)) {
            awaitPlayed(rooms.a, "a's speaker plays b's tone", level -> level > -30);
            assertEquals(
                    AudioDecision.EMULATED_SPEAKER, rooms.a.status().audio().playbackText());

            rooms.systemA.unplugSoundCard(TwoRooms.SPEAKER_CARD);

            await("a's speaker plays nothing", LIMIT, () -> speakerQuietFor(rooms.a, Duration.ofMillis(700)));
            CallStatus unplugged = rooms.a.status();
            assertEquals(
                    "playback stopped: speaker unplugged (" + TwoRooms.SPEAKER_NAME + ")",
                    unplugged.audio().playbackText());
            assertFalse(unplugged.audio().playing());
            awaitHeard(rooms.a, "a still receives b's tone", level -> level > -30);
            awaitHeard(rooms.b, "b still hears a: the microphone is another card", level -> level > -30);
            assertNull(unplugged.elementFailure(), "no pipeline error");

            rooms.systemA.plugSoundCard(TwoRooms.SPEAKER_CARD, TwoRooms.SPEAKER_ID, TwoRooms.SPEAKER_NAME, false, true);

            awaitPlayed(rooms.a, "a's speaker plays b's tone again", level -> level > -30);
            assertEquals(
                    AudioDecision.EMULATED_SPEAKER, rooms.a.status().audio().playbackText());
            assertTrue(rooms.a.status().audio().playing());
        }
    }

    @Test
    void onARealBoardTheMicrophoneIsTheHalsAlsaDeviceItsFailureIsReportedAndItFollowsTheCardToItsNewId()
            throws Exception {
        // No such card on this machine: alsasrc fails on it as on a card that is not there.
        try (TwoRooms rooms = new TwoRooms(dirA, dirB, VideoSourceMode.TEST_PATTERN, CallMediaTest::realBoard)) {
            await(
                    "a reports alsasrc's failure",
                    LIMIT,
                    () -> rooms.a
                            .status()
                            .audio()
                            .text()
                            .startsWith("audio stopped: microphone capture failed (alsasrc: "));
            assertEquals("alsa hw:CARD=Mic,DEV=0", rooms.a.status().audio().microphone());
            assertEquals(
                    "alsasink hw:CARD=Speaker,DEV=0", rooms.a.status().audio().speaker());
            awaitHeard(rooms.b, "b hears silence meanwhile", level -> level < -60);
            await("b sees a's picture meanwhile", LIMIT, () -> luma(rooms.b) > PICTURE);

            rooms.systemA.unplugSoundCard(TwoRooms.MICROPHONE_CARD);
            await(
                    "a says the microphone is unplugged",
                    LIMIT,
                    () -> rooms.a
                            .status()
                            .audio()
                            .text()
                            .equals("audio stopped: microphone unplugged (" + TwoRooms.MICROPHONE_NAME + ")"));

            rooms.systemA.plugSoundCard(3, "Mic2", TwoRooms.MICROPHONE_NAME, true, false);
            await(
                    "a captures from the card's new id",
                    LIMIT,
                    () -> rooms.a.status().audio().microphone().equals("alsa hw:CARD=Mic2,DEV=0"));
            await(
                    "and reports that device's failure",
                    LIMIT,
                    () -> rooms.a.status().audio().text().contains("alsasrc"));
            assertNull(rooms.a.status().elementFailure(), "no pipeline error");
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

    /** A real board's plan: the HAL's ALSA devices, no display (the build machine has none). */
    private static CallMediaPlan realBoard(CallMediaPlan emulated) {
        return new CallMediaPlan(
                false,
                emulated.videoSource(),
                emulated.encoder(),
                emulated.encoderNote(),
                emulated.width(),
                emulated.height(),
                emulated.framesPerSecond(),
                AudioSource.alsa(CallMediaPlan.DEFAULT_ALSA_DEVICE),
                emulated.playback());
    }

    /** Fresh measurements of what {@code call} received, the last satisfying {@code expected}. */
    private static void awaitHeard(CallMedia call, String what, DoublePredicate expected) throws InterruptedException {
        long before = TwoRooms.levelReports(call);
        await(what, LIMIT, () -> TwoRooms.levelReports(call) >= before + 3 && expected.test(level(call)));
    }

    /** Fresh measurements of what {@code call}'s speaker played, the last satisfying {@code expected}. */
    private static void awaitPlayed(CallMedia call, String what, DoublePredicate expected) throws InterruptedException {
        long before = TwoRooms.playedReports(call);
        await(what, LIMIT, () -> TwoRooms.playedReports(call) >= before + 3 && expected.test(TwoRooms.played(call)));
    }

    private static boolean speakerQuietFor(CallMedia call, Duration quiet) {
        long before = TwoRooms.playedReports(call);
        try {
            Thread.sleep(quiet.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return TwoRooms.playedReports(call) == before;
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
