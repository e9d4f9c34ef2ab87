package com.roomagent.av.media;

import java.util.Objects;

/** Where decoded far-end video goes. Frames are counted (and their brightness sampled) either way. */
public sealed interface VideoOutput {
    /** Nowhere: decode and count only (the emulated board, tests, the demo report). */
    static VideoOutput none() {
        return new None();
    }

    /** A video sink element, for example {@code kmssink} under the room's screen, or {@code autovideosink}. */
    static VideoOutput display(String sinkElement) {
        return new Display(sinkElement);
    }

    /** Decode and count. */
    record None() implements VideoOutput {}

    /** A named sink element. */
    record Display(String sinkElement) implements VideoOutput {
        public Display {
            Objects.requireNonNull(sinkElement, "sinkElement");
            if (!VideoEncoder.ELEMENT_NAME.matcher(sinkElement).matches()) {
                throw new IllegalArgumentException("not a GStreamer element name: " + sinkElement);
            }
        }
    }
}
