package com.roomagent.av.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which property carries the bitrate target, and in what form, per encoder element. */
class EncoderBitrateTest {
    @Test
    void x264TakesItsBitratePropertyInKilobitsPerSecond() {
        assertEquals(
                Optional.of(new EncoderBitrate("bitrate", EncoderBitrate.Kind.INTEGER, 1200)),
                EncoderBitrate.of(VideoEncoder.x264(), 1200, 300));
    }

    @Test
    void v4l2h264encTakesExtraControlsWithTheBitrateInBitsPerSecondAndTheKeyframePeriod() {
        EncoderBitrate setting = EncoderBitrate.of(VideoEncoder.hardware("v4l2h264enc"), 1500, 300)
                .orElseThrow();

        assertEquals("extra-controls", setting.property());
        assertEquals(EncoderBitrate.Kind.STRUCTURE, setting.kind());
        assertEquals("controls,video_bitrate=(int)1500000,h264_i_frame_period=(int)300", setting.value());
    }

    @Test
    void aLowerTargetGivesANewStructureForTheRunningEncoder() {
        Object before = EncoderBitrate.of(VideoEncoder.hardware("v4l2h264enc"), 1666, 300)
                .orElseThrow()
                .value();
        Object after = EncoderBitrate.of(VideoEncoder.hardware("v4l2h264enc"), 833, 300)
                .orElseThrow()
                .value();

        assertEquals("controls,video_bitrate=(int)1666000,h264_i_frame_period=(int)300", before);
        assertEquals("controls,video_bitrate=(int)833000,h264_i_frame_period=(int)300", after);
    }

    @Test
    void otherV4l2M2mEncodersAreRecognisedAndUnknownHardwareIsLeftAlone() {
        assertTrue(EncoderBitrate.isV4l2("v4l2h264enc"));
        assertTrue(EncoderBitrate.isV4l2("v4l2video11h264enc"));
        assertFalse(EncoderBitrate.isV4l2("omxh264enc"));
        assertEquals(Optional.empty(), EncoderBitrate.of(VideoEncoder.hardware("omxh264enc"), 1000, 300));
    }

    @Test
    void aTargetOrKeyframeDistanceThatIsNotPositiveIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> EncoderBitrate.of(VideoEncoder.x264(), 0, 300));
        assertThrows(IllegalArgumentException.class, () -> EncoderBitrate.of(VideoEncoder.x264(), 100, 0));
    }
}
