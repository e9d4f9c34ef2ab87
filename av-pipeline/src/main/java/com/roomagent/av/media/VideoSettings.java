package com.roomagent.av.media;

import com.roomagent.av.bitrate.BitratePolicy;
import com.roomagent.av.camera.CameraSource;
import java.time.Duration;
import java.util.Objects;

/**
 * What video the session sends: the camera, the size and rate of the frames the encoder gets
 * (from the board profile), the encoder, how often it sends a full picture regardless of
 * requests, and the bitrate range.
 *
 * @param camera where frames come from; captured in a pipeline of its own, so that a camera that is
 *     lost and comes back never stops the call (docs/av-pipeline.md, "Capture")
 * @param width pixels, even (4:2:0 chroma), 16..4096
 * @param height pixels, even, 16..4096
 * @param framesPerSecond frames sent per second, 1..60, whatever the camera delivers
 * @param keyframeInterval the longest time between two full pictures; the far end asks for one
 *     sooner (RTCP PLI) whenever it lost a packet
 */
public record VideoSettings(
        CameraSource camera,
        int width,
        int height,
        int framesPerSecond,
        VideoEncoder encoder,
        Duration keyframeInterval,
        BitratePolicy.Limits bitrateLimits) {

    /** A full picture at least every 10 s; losses are repaired on request (PLI), not by the clock. */
    public static final Duration DEFAULT_KEYFRAME_INTERVAL = Duration.ofSeconds(10);

    public VideoSettings {
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(keyframeInterval, "keyframeInterval");
        Objects.requireNonNull(bitrateLimits, "bitrateLimits");
        if (width < 16 || height < 16 || width > 4096 || height > 4096 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException(
                    "video size must be even and 16..4096 per side, got " + width + "x" + height);
        }
        if (framesPerSecond < 1 || framesPerSecond > 60) {
            throw new IllegalArgumentException("framesPerSecond must be 1..60, got " + framesPerSecond);
        }
        if (keyframeInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("keyframeInterval must be at least 1 s, got " + keyframeInterval);
        }
    }

    /** 1280x720 at 30 frames per second through x264, the default of a room device without a board profile. */
    public static VideoSettings hd720p30(CameraSource camera) {
        return new VideoSettings(
                camera, 1280, 720, 30, VideoEncoder.x264(), DEFAULT_KEYFRAME_INTERVAL, BitratePolicy.Limits.HD_720P30);
    }

    /** The same settings at another size and rate (for example from the board profile). */
    public VideoSettings withFormat(int newWidth, int newHeight, int newFramesPerSecond) {
        return new VideoSettings(
                camera, newWidth, newHeight, newFramesPerSecond, encoder, keyframeInterval, bitrateLimits);
    }

    /** The same settings with another encoder. */
    public VideoSettings withEncoder(VideoEncoder newEncoder) {
        return new VideoSettings(camera, width, height, framesPerSecond, newEncoder, keyframeInterval, bitrateLimits);
    }

    /** The same settings with another camera. */
    public VideoSettings withCamera(CameraSource newCamera) {
        return new VideoSettings(newCamera, width, height, framesPerSecond, encoder, keyframeInterval, bitrateLimits);
    }

    /** Frames between two forced keyframes. */
    int keyframeDistance() {
        return (int) Math.max(1, keyframeInterval.toMillis() * framesPerSecond / 1000);
    }
}
