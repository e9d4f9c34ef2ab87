package com.roomagent.agent.call;

import com.roomagent.av.bitrate.BitratePolicy;
import com.roomagent.av.bitrate.TransportKind;
import com.roomagent.av.camera.CameraSource;
import com.roomagent.av.media.AudioOutput;
import com.roomagent.av.media.AudioSettings;
import com.roomagent.av.media.AudioSource;
import com.roomagent.av.media.MediaSessionSettings;
import com.roomagent.av.media.PlaybackSettings;
import com.roomagent.av.media.SsrcPlan;
import com.roomagent.av.media.VideoEncoder;
import com.roomagent.av.media.VideoOutput;
import com.roomagent.av.media.VideoSettings;
import com.roomagent.hal.devices.AudioDevice;
import com.roomagent.hal.devices.DeviceSelection;
import com.roomagent.hal.profile.BoardProfile;
import com.roomagent.hal.profile.Encoder;
import com.roomagent.hal.profile.Platform;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a call's media pipeline is made of on this board, decided from the board profile, the
 * devices the HAL selected and {@code media.videoSource}; pure, so every rule is tested without
 * GStreamer (docs/av-pipeline.md, "In the agent").
 *
 * <ul>
 *   <li><b>Video source</b>: {@link VideoSourceMode#resolve}: the HAL's camera through {@code
 *       v4l2src}, or the test pattern.
 *   <li><b>Encoder</b>: the profile's hardware encoder ({@code v4l2h264enc}) when GStreamer has the
 *       element <i>and</i> the HAL found the V4L2 encoder device; otherwise x264, and {@link
 *       #encoderNote()} says why (the call is never refused for it: software encoding costs CPU, a
 *       room without video costs the meeting).
 *   <li><b>Caps</b>: the profile's {@code board.video.maxWidth/maxHeight/maxFps}, within what the
 *       pipeline accepts (even sizes up to 4096, up to 60 frames/s); the bitrate range scales with
 *       the pixel rate from the 720p30 range.
 *   <li><b>Audio</b>: the HAL's microphone through {@code alsasrc device=hw:CARD=..,DEV=..} on real
 *       boards, the test tone on the emulated board.
 *   <li><b>Playback</b>: {@code kmssink} and {@code alsasink} (on the HAL's speaker) on real boards;
 *       on the emulated board no display, and a {@code fakesink} standing in for the speaker.
 * </ul>
 *
 * @param emulatedBoard whether the board is the emulated one
 * @param videoSource {@link VideoSourceMode#CAMERA} or {@link VideoSourceMode#TEST_PATTERN}, never auto
 * @param encoder the encoder the session uses
 * @param encoderNote when the profile's encoder is not used, why; empty otherwise
 * @param width pixels sent
 * @param height pixels sent
 * @param framesPerSecond frames sent per second
 * @param audioSource the microphone
 * @param playback decoder and outputs
 */
public record CallMediaPlan(
        boolean emulatedBoard,
        VideoSourceMode videoSource,
        VideoEncoder encoder,
        Optional<String> encoderNote,
        int width,
        int height,
        int framesPerSecond,
        AudioSource audioSource,
        PlaybackSettings playback) {

    /** GStreamer's element for the hardware encoder the profile names {@code v4l2h264enc}. */
    public static final String HARDWARE_ENCODER_ELEMENT = "v4l2h264enc";
    /** Real boards' display sink: the screen under the room's camera, without a window system. */
    public static final String DISPLAY_SINK = "kmssink";
    /** Real boards' speaker sink. */
    public static final String SPEAKER_SINK = "alsasink";
    /** The ALSA device used when the HAL found no microphone on a real board. */
    public static final String DEFAULT_ALSA_DEVICE = "default";

    private static final int MAX_SIDE = 4096;
    private static final int MAX_FPS = 60;
    private static final double HD_PIXEL_RATE = 1280.0 * 720 * 30;

    public CallMediaPlan {
        Objects.requireNonNull(videoSource, "videoSource");
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(encoderNote, "encoderNote");
        Objects.requireNonNull(audioSource, "audioSource");
        Objects.requireNonNull(playback, "playback");
        if (videoSource == VideoSourceMode.AUTO) {
            throw new IllegalArgumentException("a plan's video source is resolved: camera or test-pattern");
        }
    }

    /**
     * Plans the media of a call on this board.
     *
     * @param elementAvailable whether GStreamer can make an element of that name ({@code
     *     MediaElements::available} in the agent)
     */
    public static CallMediaPlan of(
            BoardProfile profile, DeviceSelection selection, VideoSourceMode mode, Predicate<String> elementAvailable) {
        boolean emulated = profile.platform() == Platform.EMULATED;
        VideoEncoder encoder = VideoEncoder.x264();
        Optional<String> note = Optional.empty();
        if (profile.video().encoder() == Encoder.V4L2H264ENC) {
            if (!elementAvailable.test(HARDWARE_ENCODER_ELEMENT)) {
                note = Optional.of("the profile names v4l2h264enc but GStreamer has no such element (install"
                        + " gstreamer1.0-plugins-good with V4L2 support); encoding with x264");
            } else if (selection.encoder().isEmpty()) {
                note = Optional.of("the profile names v4l2h264enc but the system has no V4L2 encoder device;"
                        + " encoding with x264 (board.video.encoder=x264 says so once and for all)");
            } else {
                encoder = VideoEncoder.hardware(HARDWARE_ENCODER_ELEMENT);
            }
        }
        int width = even(Math.min(profile.video().maxWidth(), MAX_SIDE));
        int height = even(Math.min(profile.video().maxHeight(), MAX_SIDE));
        int fps = Math.min(profile.video().maxFps(), MAX_FPS);
        AudioSource audio = emulated
                ? AudioSource.testTone()
                : AudioSource.alsa(
                        selection.microphone().map(AudioDevice::alsaName).orElse(DEFAULT_ALSA_DEVICE));
        PlaybackSettings playback = emulated
                ? new PlaybackSettings(
                        PlaybackSettings.DEFAULT_VIDEO_DECODER,
                        VideoOutput.none(),
                        AudioOutput.device(AudioDecision.EMULATED_SPEAKER_SINK),
                        PlaybackSettings.DEFAULT_JITTER_BUFFER_LATENCY)
                : new PlaybackSettings(
                        PlaybackSettings.DEFAULT_VIDEO_DECODER,
                        VideoOutput.display(DISPLAY_SINK),
                        selection
                                .speaker()
                                .map(speaker -> (AudioOutput) AudioOutput.device(SPEAKER_SINK, speaker.alsaName()))
                                .orElse(AudioOutput.device(SPEAKER_SINK)),
                        PlaybackSettings.DEFAULT_JITTER_BUFFER_LATENCY);
        return new CallMediaPlan(emulated, mode.resolve(emulated), encoder, note, width, height, fps, audio, playback);
    }

    /**
     * The bitrate range for this size and rate: the 720p30 range scaled by the pixel rate, at least
     * 300 kbit/s over UDP and 200 over TCP/TLS, at most 6000 and 4000.
     */
    public BitratePolicy.Limits bitrateLimits() {
        double ratio = (double) width * height * framesPerSecond / HD_PIXEL_RATE;
        BitratePolicy.Limits hd = BitratePolicy.Limits.HD_720P30;
        int udp = clamp((int) Math.round(hd.maximumUdpKbps() * ratio), 300, 6000);
        int reliable = Math.min(udp, clamp((int) Math.round(hd.maximumReliableKbps() * ratio), 200, 4000));
        int minimum = Math.min(hd.minimumKbps(), reliable);
        return new BitratePolicy.Limits(minimum, udp, reliable);
    }

    /**
     * The session's settings, with {@code camera} as its video source (a placeholder when video
     * starts stopped) and capture started only when {@code cameraOn}.
     */
    public MediaSessionSettings.Builder sessionSettings(
            SsrcPlan ssrcs, CameraSource camera, boolean cameraOn, TransportKind transport) {
        VideoSettings video = new VideoSettings(
                camera,
                width,
                height,
                framesPerSecond,
                encoder,
                VideoSettings.DEFAULT_KEYFRAME_INTERVAL,
                bitrateLimits());
        return MediaSessionSettings.builder(ssrcs)
                .video(video)
                .audio(AudioSettings.of(audioSource))
                .playback(playback)
                .transport(transport)
                .cameraOnAtStart(cameraOn);
    }

    private static int even(int value) {
        return value - value % 2;
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
