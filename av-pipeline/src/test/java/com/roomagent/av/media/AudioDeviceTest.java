package com.roomagent.av.media;

import static com.roomagent.av.media.TestCall.await;
import static com.roomagent.av.media.TestCall.frames;
import static com.roomagent.av.media.TestCall.level;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The microphone and the speaker are followed like the camera: each plays in a pipeline of its own,
 * switched off, lost or changed without the call noticing. Checked by what is heard: the level the
 * far end measures of what it receives, and the level the speaker's pipeline measures of what it
 * plays.
 */
@Timeout(90)
class AudioDeviceTest {
    private static final Duration LIMIT = Duration.ofSeconds(15);
    private static final String NO_CARD = "hw:CARD=NoSuchCard,DEV=0";

    @Test
    void aMicrophoneSwitchedOffGivesTheFarEndSilenceWhileVideoGoesOnAndOnBringsTheToneBack() throws Exception {
        try (TestCall call = TestCall.start()) {
            awaitHeard(call.b, "b hears a's tone", level -> level > -30);
            long packets = sentAudioPackets(call.a);

            call.a.setMicrophoneOn(false);

            awaitHeard(call.b, "b hears silence", level -> level < -60);
            long frames = frames(call.b);
            await("b keeps decoding a's video", LIMIT, () -> frames(call.b) > frames + 10);
            assertTrue(sentAudioPackets(call.a) > packets, "the audio stream goes on");

            call.a.setMicrophoneOn(true);

            awaitHeard(call.b, "b hears the tone again", level -> level > -30);
            assertNoElementFailed(call.eventsA);
        }
    }

    @Test
    void aMicrophoneThatWillNotOpenIsReportedAndAnotherTakesOverWithoutRestartingTheStream() throws Exception {
        UnaryOperator<MediaSessionSettings.Builder> missing =
                settings -> settings.audio(AudioSettings.of(AudioSource.alsa(NO_CARD)));
        try (TestCall call = TestCall.start(missing, UnaryOperator.identity())) {
            await("a reports the microphone lost", LIMIT, () -> !call.eventsA.isEmpty());
            MediaEvent.AudioLost lost = (MediaEvent.AudioLost) call.eventsA.get(0);
            assertEquals(MediaEvent.AudioDevice.MICROPHONE, lost.device());
            assertEquals("alsasrc", lost.elementName());
            assertTrue(lost.message().contains("Could not open audio device"), lost.message());
            awaitHeard(call.b, "b hears silence meanwhile", level -> level < -60);
            await("b decodes a's video meanwhile", LIMIT, () -> frames(call.b) > 10);
            StreamStatistics before = call.a.statistics().stream(MediaKind.AUDIO, StreamStatistics.Direction.SENT);

            call.a.changeMicrophone(AudioSource.testTone());

            awaitHeard(call.b, "b hears the new microphone's tone", level -> level > -30);
            StreamStatistics after = call.a.statistics().stream(MediaKind.AUDIO, StreamStatistics.Direction.SENT);
            assertEquals(before.ssrc(), after.ssrc(), "the same RTP stream");
            assertTrue(after.packets() > before.packets(), "its packets counted on: " + before + " " + after);
            assertEquals(1, call.eventsA.size(), "one loss, nothing failed: " + call.eventsA);
        }
    }

    @Test
    void aSpeakerSwitchedOffPlaysNothingWhileTheCallGoesOnAndPlaysAgainWhenOn() throws Exception {
        UnaryOperator<MediaSessionSettings.Builder> speaker =
                settings -> settings.playback(playingTo(AudioOutput.device("fakesink")));
        try (TestCall call = TestCall.start(UnaryOperator.identity(), speaker)) {
            awaitPlayed(call.b, "b's speaker plays a's tone", level -> level > -30);

            call.b.setSpeakerOn(false);

            await("b's speaker plays nothing", LIMIT, () -> speakerSilentFor(call.b, Duration.ofMillis(700)));
            awaitHeard(call.b, "b still receives a's tone", level -> level > -30);
            awaitHeard(call.a, "a still hears b", level -> level > -30);

            call.b.setSpeakerOn(true);

            awaitPlayed(call.b, "b's speaker plays a's tone again", level -> level > -30);
            assertNoElementFailed(call.eventsB);
        }
    }

    @Test
    void aSpeakerThatWillNotOpenIsReportedWithoutAPipelineErrorAndAnotherTakesOver() throws Exception {
        UnaryOperator<MediaSessionSettings.Builder> missing =
                settings -> settings.playback(playingTo(AudioOutput.device("alsasink", NO_CARD)));
        try (TestCall call = TestCall.start(UnaryOperator.identity(), missing)) {
            await("b reports the speaker lost", LIMIT, () -> !call.eventsB.isEmpty());
            MediaEvent.AudioLost lost = (MediaEvent.AudioLost) call.eventsB.get(0);
            assertEquals(MediaEvent.AudioDevice.SPEAKER, lost.device());
            assertEquals("alsasink", lost.elementName());
            assertTrue(lost.message().contains("Could not open audio device for playback"), lost.message());
            awaitHeard(call.b, "b still receives a's tone", level -> level > -30);
            assertEquals(0, call.b.decoded().speakerLevelReports(), "nothing played");

            call.b.changeSpeaker((AudioOutput.Device) AudioOutput.device("fakesink"));

            awaitPlayed(call.b, "the new speaker plays a's tone", level -> level > -30);
            assertEquals(1, call.eventsB.size(), "one loss, nothing failed: " + call.eventsB);
        }
    }

    private static PlaybackSettings playingTo(AudioOutput output) {
        return new PlaybackSettings(
                PlaybackSettings.DEFAULT_VIDEO_DECODER,
                VideoOutput.none(),
                output,
                PlaybackSettings.DEFAULT_JITTER_BUFFER_LATENCY);
    }

    private static long sentAudioPackets(MediaSession session) {
        return session.statistics().stream(MediaKind.AUDIO, StreamStatistics.Direction.SENT)
                .packets();
    }

    private static boolean speakerSilentFor(MediaSession session, Duration quiet) {
        long before = session.decoded().speakerLevelReports();
        try {
            Thread.sleep(quiet.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return session.decoded().speakerLevelReports() == before;
    }

    private static void assertNoElementFailed(List<MediaEvent> events) {
        assertTrue(
                events.stream().noneMatch(MediaEvent.ElementFailed.class::isInstance), "no pipeline error: " + events);
    }

    /** Fresh measurements of what {@code listener} received, the last satisfying {@code expected}. */
    private static void awaitHeard(MediaSession listener, String what, java.util.function.DoublePredicate expected)
            throws InterruptedException {
        long before = listener.decoded().audioLevelReports();
        await(
                what,
                LIMIT,
                () -> listener.decoded().audioLevelReports() >= before + 3 && expected.test(level(listener)));
    }

    /** Fresh measurements of what {@code listener}'s speaker played, the last satisfying {@code expected}. */
    private static void awaitPlayed(MediaSession listener, String what, java.util.function.DoublePredicate expected)
            throws InterruptedException {
        long before = listener.decoded().speakerLevelReports();
        await(what, LIMIT, () -> {
            DecodedMedia decoded = listener.decoded();
            return decoded.speakerLevelReports() >= before + 3
                    && expected.test(decoded.lastSpeakerRmsDecibels().orElse(-1000));
        });
    }
}
