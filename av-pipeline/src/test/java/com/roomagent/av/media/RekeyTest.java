package com.roomagent.av.media;

import static com.roomagent.av.media.TestCall.await;
import static com.roomagent.av.media.TestCall.frames;
import static com.roomagent.av.media.TestCall.level;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.av.media.StreamStatistics.Direction;
import com.roomagent.av.srtp.SrtpKeyPair;
import java.time.Duration;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** New keys mid-call, without restarting anything: media keeps flowing. */
@Timeout(60)
class RekeyTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);

    @Test
    void rekeyingBothSidesMidCallKeepsFramesAndAudioFlowing() throws Exception {
        try (TestCall call = TestCall.start()) {
            await("media flows", LIMIT, () -> frames(call.b) >= 10 && frames(call.a) >= 10);

            SrtpKeyPair next = TestCall.randomKeys(new Random());
            call.a.rekey(next);
            call.b.rekey(next.reversed());
            long framesA = frames(call.a);
            long framesB = frames(call.b);

            // 15 frames per second: another 15 on each side is a second of video after the switch.
            await(
                    "15 more frames on each side",
                    LIMIT,
                    () -> frames(call.a) >= framesA + 15 && frames(call.b) >= framesB + 15);
            await("the tone on each side", LIMIT, () -> level(call.a) > -30 && level(call.b) > -30);
        }
    }

    @Test
    void keysInstalledBeforeTheFarEndSwitchesLoseNoPacket() throws Exception {
        try (TestCall call = TestCall.start()) {
            await("media flows", LIMIT, () -> frames(call.b) >= 10);
            SrtpKeyPair next = TestCall.randomKeys(new Random());

            call.b.rekey(next.reversed()); // b learns the new keys first: it accepts old and new
            Thread.sleep(500); // a keeps sending with the old keys meanwhile (real time, bounded)
            call.a.rekey(next);
            long framesB = frames(call.b);
            await("30 more frames at b", LIMIT, () -> frames(call.b) >= framesB + 30);

            StreamStatistics video = call.b.statistics().stream(MediaKind.VIDEO, Direction.RECEIVED);
            assertEquals(0, video.packetsLost(), "packets of a's video lost at b: " + video);
            assertTrue(video.undecryptablePackets() <= 2, "packets b could not decrypt: " + video);
        }
    }

    /**
     * RFC 3711 keeps a rollover counter per SSRC that counts wraps of the 16-bit sequence number.
     * srtpenc 1.22 starts a new crypto context, counter 0, for a new key, and a fresh receive slot
     * starts at 0 too. A GStreamer whose srtpenc kept the counter across keys would fail this test.
     */
    @Test
    void rekeyingAfterTheSequenceNumbersWrappedKeepsFramesFlowing() throws Exception {
        UnaryOperator<MediaSessionSettings.Builder> nearTheWrap = b -> b.firstVideoSequenceNumber(65_500);
        try (TestCall call = TestCall.start(nearTheWrap, UnaryOperator.identity())) {
            await(
                    "a's video sequence numbers wrapped",
                    LIMIT,
                    () -> call.a.statistics().stream(MediaKind.VIDEO, Direction.SENT)
                                    .packets()
                            > 60);
            await("b decodes across the wrap", LIMIT, () -> frames(call.b) >= 30);

            SrtpKeyPair next = TestCall.randomKeys(new Random());
            call.a.rekey(next);
            call.b.rekey(next.reversed());
            long framesB = frames(call.b);
            await("15 more frames at b", LIMIT, () -> frames(call.b) >= framesB + 15);
        }
    }
}
