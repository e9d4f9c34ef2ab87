package com.roomagent.av.media;

import java.util.Objects;

/**
 * What audio the session sends: mono Opus at 48 kHz in 20 ms frames (RFC 7587).
 *
 * @param bitrateBitsPerSecond Opus target, 6000..510000; 32 kbit/s is wideband speech with room to spare
 */
public record AudioSettings(AudioSource source, int bitrateBitsPerSecond) {
    /** The default Opus bitrate. */
    public static final int DEFAULT_BITRATE = 32_000;

    public AudioSettings {
        Objects.requireNonNull(source, "source");
        if (bitrateBitsPerSecond < 6_000 || bitrateBitsPerSecond > 510_000) {
            throw new IllegalArgumentException("Opus bitrate must be 6000..510000 bit/s, got " + bitrateBitsPerSecond);
        }
    }

    /** {@code source} at {@value #DEFAULT_BITRATE} bit/s. */
    public static AudioSettings of(AudioSource source) {
        return new AudioSettings(source, DEFAULT_BITRATE);
    }
}
