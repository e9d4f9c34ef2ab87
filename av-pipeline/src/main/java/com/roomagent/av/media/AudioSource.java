package com.roomagent.av.media;

import java.util.Objects;

/** Where the sent audio comes from. */
public sealed interface AudioSource {
    /** {@code audiotestsrc}, live: a 440 Hz sine at about -9 dBFS RMS, the emulated board's microphone. */
    static AudioSource testTone() {
        return new TestTone();
    }

    /**
     * An ALSA capture device, for example {@code hw:1,0}, on a real board. Needs GStreamer's ALSA
     * plugin ({@code gstreamer1.0-alsa}), which the build machine does not have: untested here.
     */
    static AudioSource alsa(String device) {
        return new Alsa(device);
    }

    /** A sine tone. */
    record TestTone() implements AudioSource {}

    /** An ALSA PCM device name, set as a property (never quoted into pipeline text). */
    record Alsa(String device) implements AudioSource {
        public Alsa {
            Objects.requireNonNull(device, "device");
        }
    }
}
