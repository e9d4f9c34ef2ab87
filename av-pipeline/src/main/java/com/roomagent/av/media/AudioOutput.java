package com.roomagent.av.media;

import java.util.Objects;

/** Where decoded far-end audio goes. Its level is measured either way. */
public sealed interface AudioOutput {
    /** Nowhere: decode and measure only (the emulated board, tests). */
    static AudioOutput none() {
        return new None();
    }

    /** An audio sink element, for example {@code alsasink} or {@code autoaudiosink}. */
    static AudioOutput device(String sinkElement) {
        return new Device(sinkElement);
    }

    /** Decode and measure. */
    record None() implements AudioOutput {}

    /** A named sink element. */
    record Device(String sinkElement) implements AudioOutput {
        public Device {
            Objects.requireNonNull(sinkElement, "sinkElement");
            if (!VideoEncoder.ELEMENT_NAME.matcher(sinkElement).matches()) {
                throw new IllegalArgumentException("not a GStreamer element name: " + sinkElement);
            }
        }
    }
}
