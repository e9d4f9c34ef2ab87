package com.roomagent.av.media;

import java.util.Objects;
import java.util.Optional;

/**
 * How a video bitrate target reaches an encoder element: which property, and the value to set it
 * to. Pure; the session applies it at start and on every decision of the bitrate policy, with the
 * same rule for every encoder (docs/av-pipeline.md, "Bitrate").
 *
 * <ul>
 *   <li>{@code x264enc}: {@code bitrate}, an integer in kbit/s.
 *   <li>{@code v4l2h264enc} (and the other {@code v4l2*enc} elements): {@code extra-controls}, a
 *       GstStructure naming V4L2 controls by their normalised names: {@code video_bitrate} in bit/s
 *       ({@code V4L2_CID_MPEG_VIDEO_BITRATE}) and {@code h264_i_frame_period} in frames ({@code
 *       V4L2_CID_MPEG_VIDEO_H264_I_PERIOD}, the session's keyframe interval). The element applies
 *       the structure's controls at once when its device is open (GStreamer's v4l2object), so a
 *       new structure changes the bitrate while playing. A driver without one of the controls logs
 *       a GStreamer warning and keeps the rest.
 *   <li>Any other hardware encoder: none; its bitrate stays its own and the session says so once.
 * </ul>
 *
 * @param property the element's property
 * @param value an {@link Integer} for {@link Kind#INTEGER}, the structure's text for {@link Kind#STRUCTURE}
 */
record EncoderBitrate(String property, Kind kind, Object value) {
    /** The x264 property, in kbit/s. */
    static final String X264_PROPERTY = "bitrate";
    /** The V4L2 encoders' property. */
    static final String V4L2_PROPERTY = "extra-controls";

    /** How the value is set. */
    enum Kind {
        /** A {@code gint}/{@code guint} property. */
        INTEGER,
        /** A {@code GstStructure} property, set from text. */
        STRUCTURE
    }

    EncoderBitrate {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    /**
     * The setting that gives {@code encoder} a target of {@code kbps}, keeping a keyframe at least
     * every {@code keyframeDistance} frames; empty for an encoder whose controls are not known.
     */
    static Optional<EncoderBitrate> of(VideoEncoder encoder, int kbps, int keyframeDistance) {
        if (kbps <= 0 || keyframeDistance <= 0) {
            throw new IllegalArgumentException(
                    "bitrate and keyframe distance must be positive, got " + kbps + " kbit/s, " + keyframeDistance);
        }
        if (encoder instanceof VideoEncoder.X264) {
            return Optional.of(new EncoderBitrate(X264_PROPERTY, Kind.INTEGER, kbps));
        }
        VideoEncoder.Hardware hardware = (VideoEncoder.Hardware) encoder;
        if (isV4l2(hardware.elementName())) {
            String controls = "controls,video_bitrate=(int)" + Math.multiplyExact(kbps, 1000)
                    + ",h264_i_frame_period=(int)" + keyframeDistance;
            return Optional.of(new EncoderBitrate(V4L2_PROPERTY, Kind.STRUCTURE, controls));
        }
        return Optional.empty();
    }

    /** {@code v4l2h264enc}, and the {@code v4l2<driver>h264enc} names GStreamer gives extra M2M devices. */
    static boolean isV4l2(String elementName) {
        return elementName.startsWith("v4l2") && elementName.endsWith("h264enc");
    }
}
