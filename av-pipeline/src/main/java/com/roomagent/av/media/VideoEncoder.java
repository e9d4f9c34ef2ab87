package com.roomagent.av.media;

import java.util.Objects;
import java.util.regex.Pattern;

/** Which H.264 encoder the session uses: the board profile names a hardware one when it has one. */
public sealed interface VideoEncoder {
    /** GStreamer element names are letters, digits, '-' and '_'; anything else would inject text. */
    Pattern ELEMENT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    /** {@code x264enc}, software: every board has it; its bitrate follows the bitrate policy. */
    static VideoEncoder x264() {
        return new X264();
    }

    /**
     * A hardware encoder element, for example {@code v4l2h264enc}. A V4L2 encoder's bitrate and
     * keyframe period follow the session through its {@code extra-controls} ({@link EncoderBitrate});
     * another element's bitrate stays its own.
     */
    static VideoEncoder hardware(String elementName) {
        return new Hardware(elementName);
    }

    /** {@code x264enc} tuned for calls. */
    record X264() implements VideoEncoder {}

    /** A named hardware encoder element. */
    record Hardware(String elementName) implements VideoEncoder {
        public Hardware {
            Objects.requireNonNull(elementName, "elementName");
            if (!ELEMENT_NAME.matcher(elementName).matches()) {
                throw new IllegalArgumentException("not a GStreamer element name: " + elementName);
            }
        }
    }
}
