package com.roomagent.av.media;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A keyframe is asked for when packets arrive and pictures do not. */
class KeyframeWatchTest {
    private final KeyframeWatch watch = new KeyframeWatch();

    @Test
    void packetsWithoutPicturesAskForAKeyframeAtEachLook() {
        assertTrue(watch.stalled(40, 0));
        assertTrue(watch.stalled(80, 0));
    }

    @Test
    void picturesDecodedMeanNoRequest() {
        assertFalse(watch.stalled(40, 10));
        assertFalse(watch.stalled(80, 25));
    }

    @Test
    void noPacketsMeanNoRequest() {
        assertFalse(watch.stalled(0, 0), "nothing received yet: the far end's camera may be starting");
        watch.stalled(40, 10);
        assertFalse(watch.stalled(40, 10), "the far end stopped sending: a keyframe would not help");
    }
}
