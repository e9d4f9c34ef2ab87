package com.roomagent.av.media;

import static com.roomagent.av.media.TestCall.await;
import static com.roomagent.av.media.TestCall.frames;
import static com.roomagent.av.media.TestCall.level;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.av.media.StreamStatistics.Direction;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Two sessions in one call, through the in-memory channel: SRTP both ways, and each side decodes
 * the other's video and hears its audio. One call serves every test here; none of them changes it.
 */
@Timeout(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaSessionExchangeTest {
    private static final Duration LIMIT = Duration.ofSeconds(15);
    private TestCall call;

    @BeforeAll
    void startCall() throws Exception {
        call = TestCall.start();
    }

    @AfterAll
    void endCall() throws Exception {
        call.close();
    }

    @Test
    void eachSideDecodesTheOtherSidesVideo() throws Exception {
        await("20 frames decoded on each side", LIMIT, () -> frames(call.a) >= 20 && frames(call.b) >= 20);
    }

    @Test
    void eachSideHearsTheOtherSidesTone() throws Exception {
        // The test tone is a sine at about -9 dBFS RMS; Opus keeps it within a dB or two.
        await("a loud tone on each side", LIMIT, () -> level(call.a) > -30 && level(call.b) > -30);
    }

    @Test
    void everyPacketOnTheWireIsDecryptedWithTheRightKeys() throws Exception {
        await("frames decoded", LIMIT, () -> frames(call.b) >= 10);
        MediaStatistics stats = call.b.statistics();
        for (MediaKind kind : MediaKind.values()) {
            StreamStatistics received = stats.stream(kind, Direction.RECEIVED);
            assertTrue(received.packets() > 0, kind + " packets received: " + received);
            assertTrue(received.undecryptablePackets() <= 2, kind + " packets not decrypted: " + received);
        }
        assertEquals(0, stats.unroutablePackets());
    }

    @Test
    void everyPacketCarriesTheSsrcSignalingAnnounced() throws Exception {
        await("frames decoded on each side", LIMIT, () -> frames(call.a) >= 10 && frames(call.b) >= 10);
        // A packet with any other SSRC (rtpsession's random one, say) would be unroutable.
        assertEquals(0, call.a.statistics().unroutablePackets());
        assertEquals(0, call.b.statistics().unroutablePackets());
    }

    @Test
    void sentStreamsShowTheFarEndsReportsWithARoundTripTime() throws Exception {
        await(
                "a receiver report about a's video, with a round trip",
                LIMIT,
                () -> call.a.statistics().stream(MediaKind.VIDEO, Direction.SENT)
                        .roundTripTime()
                        .isPresent());
        StreamStatistics sent = call.a.statistics().stream(MediaKind.VIDEO, Direction.SENT);
        assertEquals(call.ssrcs.localVideo(), sent.ssrc());
        assertTrue(sent.packets() > 0 && sent.bytes() > sent.packets(), sent.toString());
        assertEquals(0, sent.fractionLost(), sent.toString());
        assertTrue(sent.roundTripTime().orElseThrow().compareTo(Duration.ofSeconds(1)) < 0, sent.toString());
    }

    @Test
    void receivedStreamsCountPacketsBytesAndBitrate() throws Exception {
        await(
                "a bitrate estimate for a's received audio",
                LIMIT,
                () -> call.a.statistics().stream(MediaKind.AUDIO, Direction.RECEIVED)
                                .bitrateBitsPerSecond()
                        > 0);
        StreamStatistics audio = call.a.statistics().stream(MediaKind.AUDIO, Direction.RECEIVED);
        assertEquals(call.ssrcs.remoteAudio(), audio.ssrc());
        assertTrue(audio.bytes() > audio.packets(), audio.toString());
        assertEquals(0, audio.packetsLost(), audio.toString());
    }
}
