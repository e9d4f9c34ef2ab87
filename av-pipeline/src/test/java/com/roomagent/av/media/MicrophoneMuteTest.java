package com.roomagent.av.media;

import static com.roomagent.av.media.TestCall.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Mute is checked where it matters: by the level the far end measures, not by a flag. */
@Timeout(60)
class MicrophoneMuteTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);
    /** The level element measures every 100 ms: three fresh measurements after a change. */
    private static final int FRESH_MEASUREMENTS = 3;

    @Test
    void mutingSilencesWhatTheFarEndHearsAndUnmutingBringsItBack() throws Exception {
        try (TestCall call = TestCall.start()) {
            awaitLevel(call.b, "b hears a's tone above -30 dB", level -> level > -30);

            call.a.setMicrophoneMuted(true);
            awaitLevel(call.b, "b hears silence below -60 dB", level -> level < -60);

            call.a.setMicrophoneMuted(false);
            awaitLevel(call.b, "b hears the tone again", level -> level > -30);
        }
    }

    @Test
    void mutingOneSideLeavesTheOtherDirectionAlone() throws Exception {
        try (TestCall call = TestCall.start()) {
            awaitLevel(call.a, "a hears b's tone", level -> level > -30);
            call.a.setMicrophoneMuted(true);
            awaitLevel(call.b, "b hears silence", level -> level < -60);
            awaitLevel(call.a, "a still hears b's tone", level -> level > -30);
        }
    }

    /** Waits until the far end made fresh measurements and the last one satisfies {@code expected}. */
    private static void awaitLevel(MediaSession listener, String what, java.util.function.DoublePredicate expected)
            throws InterruptedException {
        long before = listener.decoded().audioLevelReports();
        await(what, LIMIT, () -> {
            DecodedMedia decoded = listener.decoded();
            return decoded.audioLevelReports() >= before + FRESH_MEASUREMENTS
                    && decoded.lastAudioRmsDecibels().isPresent()
                    && expected.test(decoded.lastAudioRmsDecibels().getAsDouble());
        });
    }
}
