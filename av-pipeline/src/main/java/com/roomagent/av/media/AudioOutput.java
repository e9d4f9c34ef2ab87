package com.roomagent.av.media;

import java.util.Objects;
import java.util.Optional;

/** Where decoded far-end audio goes. Its level is measured either way. */
public sealed interface AudioOutput {
    /** Nowhere: decode and measure only (the emulated board, tests). */
    static AudioOutput none() {
        return new None();
    }

    /** An audio sink element, for example {@code alsasink} or {@code autoaudiosink}, on its default device. */
    static AudioOutput device(String sinkElement) {
        return new Device(sinkElement, Optional.empty());
    }

    /**
     * An audio sink element with its {@code device} property set, for example {@code alsasink} on
     * {@code hw:CARD=C920,DEV=0} (set as a property, never quoted into pipeline text).
     */
    static AudioOutput.Device device(String sinkElement, String device) {
        return new Device(sinkElement, Optional.of(device));
    }

    /** Decode and measure. */
    record None() implements AudioOutput {}

    /**
     * A named sink element, playing in a pipeline of its own (the session's speaker pipeline), and
     * the value of its {@code device} property if one is given.
     */
    record Device(String sinkElement, Optional<String> device) implements AudioOutput {
        public Device {
            Objects.requireNonNull(sinkElement, "sinkElement");
            Objects.requireNonNull(device, "device");
            if (!VideoEncoder.ELEMENT_NAME.matcher(sinkElement).matches()) {
                throw new IllegalArgumentException("not a GStreamer element name: " + sinkElement);
            }
        }
    }
}
