package com.roomagent.av.media;

import static com.roomagent.av.media.TestCall.await;
import static com.roomagent.av.media.TestCall.frames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.av.media.StreamStatistics.Direction;
import com.roomagent.av.srtp.SrtpKeyPair;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What travels between the sessions is SRTP: without the sender's keys, nothing decodes. */
@Timeout(60)
class SrtpProtectionTest {

    @Test
    void aReceiverWithWrongKeysDecodesNothingAndCountsEveryPacketAsUndecryptable() throws Exception {
        Random random = new Random(7);
        SrtpKeyPair keysA = TestCall.randomKeys(random);
        SrtpKeyPair wrong = TestCall.randomKeys(random);
        // b sends with the keys a expects, but expects a's packets under keys a never used.
        SrtpKeyPair keysB = new SrtpKeyPair(keysA.remote(), wrong.remote());
        try (TestCall call = TestCall.startWithKeys(keysA, keysB)) {
            await("a decodes b's video (the control)", Duration.ofSeconds(15), () -> frames(call.a) >= 15);
            await(
                    "b refuses 50 of a's packets",
                    Duration.ofSeconds(15),
                    () -> call.b.statistics().stream(MediaKind.VIDEO, Direction.RECEIVED)
                                    .undecryptablePackets()
                            >= 50);

            assertEquals(0, frames(call.b), "frames b decoded from a");
            assertTrue(call.b.decoded().lastAudioRmsDecibels().isEmpty(), "b heard no audio");
            StreamStatistics video = call.b.statistics().stream(MediaKind.VIDEO, Direction.RECEIVED);
            assertEquals(0, video.packets(), "no packet reached b's RTP session: " + video);
        }
    }
}
