package com.roomagent.av.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.roomagent.av.camera.CameraSource;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Settings refuse what GStreamer would refuse later, or what would inject pipeline text. */
class SettingsTest {

    @Test
    void theFourSsrcsMustDifferAndFitIn32Bits() {
        assertThrows(IllegalArgumentException.class, () -> new SsrcPlan(1, 2, 3, 3));
        assertThrows(IllegalArgumentException.class, () -> new SsrcPlan(1, 2, 3, 1L << 32));
        assertThrows(IllegalArgumentException.class, () -> new SsrcPlan(0, 2, 3, 4));
    }

    @Test
    void aRandomPlanReversesIntoThePeersView() {
        SsrcPlan plan = SsrcPlan.random(new Random(3));

        assertEquals(plan.localVideo(), plan.reversed().remoteVideo());
        assertEquals(plan.remote(MediaKind.AUDIO), plan.reversed().local(MediaKind.AUDIO));
        assertNotEquals(plan, plan.reversed());
    }

    @Test
    void videoSizesAreEvenAndRatesModest() {
        VideoSettings video = VideoSettings.hd720p30(CameraSource.testPattern());

        assertThrows(IllegalArgumentException.class, () -> video.withFormat(321, 240, 15));
        assertThrows(IllegalArgumentException.class, () -> video.withFormat(320, 240, 0));
        assertThrows(IllegalArgumentException.class, () -> video.withFormat(320, 240, 61));
        assertEquals(300, video.keyframeDistance(), "10 s at 30 frames per second");
    }

    @Test
    void elementNamesCannotCarryPipelineText() {
        assertThrows(IllegalArgumentException.class, () -> VideoEncoder.hardware("x264enc ! fakesink"));
        assertThrows(IllegalArgumentException.class, () -> VideoOutput.display("kmssink name=x"));
        assertThrows(IllegalArgumentException.class, () -> AudioOutput.device("alsasink device=hw:0"));
    }

    @Test
    void intervalsOutsideTheirRangeAreRefused() {
        MediaSessionSettings.Builder builder = MediaSessionSettings.builder(new SsrcPlan(1, 2, 3, 4));

        assertThrows(IllegalArgumentException.class, () -> builder.rtcpInterval(Duration.ofMillis(10)));
        assertThrows(IllegalArgumentException.class, () -> builder.previousKeysRetention(Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> builder.firstVideoSequenceNumber(70_000));
        assertEquals(Duration.ofSeconds(1), builder.build().rtcpInterval());
    }
}
