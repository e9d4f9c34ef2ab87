package com.roomagent.av.media;

import java.time.Duration;
import java.util.Objects;

/**
 * How far-end media is played.
 *
 * @param videoDecoder the H.264 decoder element: {@code openh264dec} (GStreamer bad, installed
 *     here), or a board's hardware decoder ({@code v4l2h264dec})
 * @param jitterBufferLatency how long {@code rtpbin}'s jitter buffers wait for late or reordered
 *     packets, 10..1000 ms; a call wants it short
 */
public record PlaybackSettings(
        String videoDecoder, VideoOutput video, AudioOutput audio, Duration jitterBufferLatency) {
    /** The default decoder on the emulated board and this build machine. */
    public static final String DEFAULT_VIDEO_DECODER = "openh264dec";
    /** The default jitter buffer: 100 ms. */
    public static final Duration DEFAULT_JITTER_BUFFER_LATENCY = Duration.ofMillis(100);

    public PlaybackSettings {
        Objects.requireNonNull(videoDecoder, "videoDecoder");
        Objects.requireNonNull(video, "video");
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(jitterBufferLatency, "jitterBufferLatency");
        if (!VideoEncoder.ELEMENT_NAME.matcher(videoDecoder).matches()) {
            throw new IllegalArgumentException("not a GStreamer element name: " + videoDecoder);
        }
        long millis = jitterBufferLatency.toMillis();
        if (millis < 10 || millis > 1000) {
            throw new IllegalArgumentException("jitterBufferLatency must be 10..1000 ms, got " + millis + " ms");
        }
    }

    /** Decode and measure only, with {@code openh264dec} and a 100 ms jitter buffer: the emulated board. */
    public static PlaybackSettings headless() {
        return new PlaybackSettings(
                DEFAULT_VIDEO_DECODER, VideoOutput.none(), AudioOutput.none(), DEFAULT_JITTER_BUFFER_LATENCY);
    }
}
