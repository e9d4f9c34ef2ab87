package com.roomagent.av.media;

import com.roomagent.av.bitrate.TransportKind;
import com.roomagent.av.camera.CameraSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Everything a {@link MediaSession} needs besides its keys and its packet sink. Immutable; built
 * with {@link #builder(SsrcPlan)}, where everything but the SSRCs has a default.
 *
 * <table>
 *   <caption>Settings, defaults and units</caption>
 *   <tr><th>setting</th><th>default</th><th>what it is</th></tr>
 *   <tr><td>{@code video}</td><td>720p30 test pattern, x264</td><td>{@link VideoSettings}</td></tr>
 *   <tr><td>{@code audio}</td><td>test tone, Opus 32 kbit/s</td><td>{@link AudioSettings}</td></tr>
 *   <tr><td>{@code playback}</td><td>{@link PlaybackSettings#headless()}</td><td>decoder, outputs, jitter buffer</td></tr>
 *   <tr><td>{@code transport}</td><td>UDP</td><td>what carries the flow; sets the bitrate ceiling</td></tr>
 *   <tr><td>{@code rtcpInterval}</td><td>1 s</td><td>the minimum RTCP interval (RFC 3550 section 6.2 allows
 *       a reduced minimum); how fresh statistics and bitrate decisions are</td></tr>
 *   <tr><td>{@code bitrateAdaptationInterval}</td><td>1 s</td><td>how often the session reads the far end's
 *       reports and sets the video bitrate</td></tr>
 *   <tr><td>{@code captureRetryInterval}</td><td>1 s</td><td>how long after losing the camera capture is
 *       tried again, and again</td></tr>
 *   <tr><td>{@code previousKeysRetention}</td><td>10 s</td><td>how long after a re-key packets protected with
 *       the previous keys are still accepted</td></tr>
 *   <tr><td>{@code clock}</td><td>system UTC</td><td>time for key retention</td></tr>
 *   <tr><td>{@code cameraOnAtStart}</td><td>true</td><td>whether capture starts with the session; false
 *       (a closed privacy shutter, no camera) sends black until {@link MediaSession#setCameraOn}</td></tr>
 *   <tr><td>{@code microphoneOnAtStart}</td><td>true</td><td>whether microphone capture starts with the
 *       session; false (no microphone) sends silence until {@link MediaSession#setMicrophoneOn}</td></tr>
 *   <tr><td>{@code speakerOnAtStart}</td><td>true</td><td>whether the speaker's playback starts with the
 *       session (with a speaker output); false plays nothing until {@link MediaSession#setSpeakerOn}</td></tr>
 * </table>
 */
public final class MediaSessionSettings {
    /** Default minimum RTCP interval. */
    public static final Duration DEFAULT_RTCP_INTERVAL = Duration.ofSeconds(1);
    /** Default interval between two bitrate decisions. */
    public static final Duration DEFAULT_BITRATE_ADAPTATION_INTERVAL = Duration.ofSeconds(1);
    /** Default wait before capture is tried again after the camera was lost. */
    public static final Duration DEFAULT_CAPTURE_RETRY_INTERVAL = Duration.ofSeconds(1);
    /** Default time the previous keys stay valid after a re-key. */
    public static final Duration DEFAULT_PREVIOUS_KEYS_RETENTION = Duration.ofSeconds(10);

    private final SsrcPlan ssrcs;
    private final VideoSettings video;
    private final AudioSettings audio;
    private final PlaybackSettings playback;
    private final TransportKind transport;
    private final Duration rtcpInterval;
    private final Duration bitrateAdaptationInterval;
    private final Duration captureRetryInterval;
    private final Duration previousKeysRetention;
    private final Clock clock;
    private final OptionalInt firstVideoSequenceNumber;
    private final boolean cameraOnAtStart;
    private final boolean microphoneOnAtStart;
    private final boolean speakerOnAtStart;

    private MediaSessionSettings(Builder builder) {
        this.cameraOnAtStart = builder.cameraOnAtStart;
        this.microphoneOnAtStart = builder.microphoneOnAtStart;
        this.speakerOnAtStart = builder.speakerOnAtStart;
        this.ssrcs = builder.ssrcs;
        this.video = builder.video;
        this.audio = builder.audio;
        this.playback = builder.playback;
        this.transport = builder.transport;
        this.rtcpInterval = builder.rtcpInterval;
        this.bitrateAdaptationInterval = builder.bitrateAdaptationInterval;
        this.captureRetryInterval = builder.captureRetryInterval;
        this.previousKeysRetention = builder.previousKeysRetention;
        this.clock = builder.clock;
        this.firstVideoSequenceNumber = builder.firstVideoSequenceNumber;
    }

    /** Settings with defaults for everything but the SSRCs, which signaling fixes. */
    public static Builder builder(SsrcPlan ssrcs) {
        return new Builder(ssrcs);
    }

    /** A builder holding these settings, to change some. */
    public Builder toBuilder() {
        Builder builder = new Builder(ssrcs)
                .video(video)
                .audio(audio)
                .playback(playback)
                .transport(transport)
                .rtcpInterval(rtcpInterval)
                .bitrateAdaptationInterval(bitrateAdaptationInterval)
                .captureRetryInterval(captureRetryInterval)
                .previousKeysRetention(previousKeysRetention)
                .clock(clock)
                .cameraOnAtStart(cameraOnAtStart)
                .microphoneOnAtStart(microphoneOnAtStart)
                .speakerOnAtStart(speakerOnAtStart);
        builder.firstVideoSequenceNumber = firstVideoSequenceNumber;
        return builder;
    }

    public SsrcPlan ssrcs() {
        return ssrcs;
    }

    public VideoSettings video() {
        return video;
    }

    public AudioSettings audio() {
        return audio;
    }

    public PlaybackSettings playback() {
        return playback;
    }

    public TransportKind transport() {
        return transport;
    }

    public Duration rtcpInterval() {
        return rtcpInterval;
    }

    public Duration bitrateAdaptationInterval() {
        return bitrateAdaptationInterval;
    }

    public Duration captureRetryInterval() {
        return captureRetryInterval;
    }

    public Duration previousKeysRetention() {
        return previousKeysRetention;
    }

    public Clock clock() {
        return clock;
    }

    /** Whether capture starts with the session (otherwise black frames until the camera is switched on). */
    public boolean cameraOnAtStart() {
        return cameraOnAtStart;
    }

    /** Whether microphone capture starts with the session (otherwise silence until it is switched on). */
    public boolean microphoneOnAtStart() {
        return microphoneOnAtStart;
    }

    /** Whether the speaker plays from the start (otherwise nothing until it is switched on). */
    public boolean speakerOnAtStart() {
        return speakerOnAtStart;
    }

    /** Tests only: the first video RTP sequence number instead of a random one (RFC 3550 section 5.1). */
    OptionalInt firstVideoSequenceNumber() {
        return firstVideoSequenceNumber;
    }

    @Override
    public String toString() {
        return "MediaSessionSettings[ssrcs=" + ssrcs + ", video=" + video + ", audio=" + audio + ", playback="
                + playback + ", transport=" + transport + ", rtcpInterval=" + rtcpInterval
                + ", bitrateAdaptationInterval=" + bitrateAdaptationInterval + ", captureRetryInterval="
                + captureRetryInterval + ", previousKeysRetention=" + previousKeysRetention + ", cameraOnAtStart="
                + cameraOnAtStart + ", microphoneOnAtStart=" + microphoneOnAtStart + ", speakerOnAtStart="
                + speakerOnAtStart + "]";
    }

    /** Builds {@link MediaSessionSettings}. Not thread-safe. */
    public static final class Builder {
        private final SsrcPlan ssrcs;
        private VideoSettings video = VideoSettings.hd720p30(CameraSource.testPattern());
        private AudioSettings audio = AudioSettings.of(AudioSource.testTone());
        private PlaybackSettings playback = PlaybackSettings.headless();
        private TransportKind transport = TransportKind.UDP;
        private Duration rtcpInterval = DEFAULT_RTCP_INTERVAL;
        private Duration bitrateAdaptationInterval = DEFAULT_BITRATE_ADAPTATION_INTERVAL;
        private Duration captureRetryInterval = DEFAULT_CAPTURE_RETRY_INTERVAL;
        private Duration previousKeysRetention = DEFAULT_PREVIOUS_KEYS_RETENTION;
        private Clock clock = Clock.systemUTC();
        private OptionalInt firstVideoSequenceNumber = OptionalInt.empty();
        private boolean cameraOnAtStart = true;
        private boolean microphoneOnAtStart = true;
        private boolean speakerOnAtStart = true;

        private Builder(SsrcPlan ssrcs) {
            this.ssrcs = Objects.requireNonNull(ssrcs, "ssrcs");
        }

        public Builder video(VideoSettings value) {
            this.video = Objects.requireNonNull(value, "video");
            return this;
        }

        public Builder audio(AudioSettings value) {
            this.audio = Objects.requireNonNull(value, "audio");
            return this;
        }

        public Builder playback(PlaybackSettings value) {
            this.playback = Objects.requireNonNull(value, "playback");
            return this;
        }

        public Builder transport(TransportKind value) {
            this.transport = Objects.requireNonNull(value, "transport");
            return this;
        }

        /** 100 ms..5 s. */
        public Builder rtcpInterval(Duration value) {
            this.rtcpInterval = within(value, "rtcpInterval", Duration.ofMillis(100), Duration.ofSeconds(5));
            return this;
        }

        /** 100 ms..1 min. */
        public Builder bitrateAdaptationInterval(Duration value) {
            this.bitrateAdaptationInterval =
                    within(value, "bitrateAdaptationInterval", Duration.ofMillis(100), Duration.ofMinutes(1));
            return this;
        }

        /** 10 ms..1 min. */
        public Builder captureRetryInterval(Duration value) {
            this.captureRetryInterval =
                    within(value, "captureRetryInterval", Duration.ofMillis(10), Duration.ofMinutes(1));
            return this;
        }

        /** 0..10 min; zero drops the previous keys at once. */
        public Builder previousKeysRetention(Duration value) {
            this.previousKeysRetention = within(value, "previousKeysRetention", Duration.ZERO, Duration.ofMinutes(10));
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** False: the session starts sending black, and never opens the camera until switched on. */
        public Builder cameraOnAtStart(boolean value) {
            this.cameraOnAtStart = value;
            return this;
        }

        /** False: the session starts sending silence, and never opens the microphone until switched on. */
        public Builder microphoneOnAtStart(boolean value) {
            this.microphoneOnAtStart = value;
            return this;
        }

        /** False: nothing is played, and the speaker is never opened, until it is switched on. */
        public Builder speakerOnAtStart(boolean value) {
            this.speakerOnAtStart = value;
            return this;
        }

        /** Tests only: start the video sequence numbers at {@code first} (0..65535), to reach the wrap soon. */
        Builder firstVideoSequenceNumber(int first) {
            if (first < 0 || first > 0xFFFF) {
                throw new IllegalArgumentException("an RTP sequence number is 0..65535, got " + first);
            }
            this.firstVideoSequenceNumber = OptionalInt.of(first);
            return this;
        }

        public MediaSessionSettings build() {
            return new MediaSessionSettings(this);
        }

        private static Duration within(Duration value, String name, Duration min, Duration max) {
            Objects.requireNonNull(value, name);
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", got " + value);
            }
            return value;
        }
    }
}
