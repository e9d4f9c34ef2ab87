package com.roomagent.av.media;

import java.time.Duration;
import java.util.Objects;

/**
 * Something happened to a running {@link MediaSession} that its owner may want to act on or show:
 * delivered in order, on the session's own thread ("av-media-N"), to the listener given at start.
 * Listeners return quickly; they may call the session's methods, {@code close()} included.
 */
public sealed interface MediaEvent {
    /**
     * The camera failed or vanished (unplugged, a file gone): the far end sees black frames while
     * capture is tried again every {@code retryIn}. Sent once per loss, not per attempt.
     *
     * @param elementName the GStreamer element that reported it ({@code v4l2src}, {@code filesrc}, ...)
     * @param message what GStreamer said, for example "element filesrc refused to start: Resource not
     *     found." (capture would not start) or "Could not read from resource." (while playing)
     */
    record CaptureLost(String elementName, String message, Duration retryIn) implements MediaEvent {
        public CaptureLost {
            Objects.requireNonNull(elementName, "elementName");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(retryIn, "retryIn");
        }
    }

    /** Capture plays again after a {@link CaptureLost}, after {@code attempts} tries. */
    record CaptureRestored(int attempts) implements MediaEvent {}

    /**
     * An element of the session pipeline failed while playing: its branch stopped (for example the
     * microphone, or a decoder). The session does not repair it; its owner closes it and starts a
     * new one.
     */
    record ElementFailed(String elementName, String message) implements MediaEvent {
        public ElementFailed {
            Objects.requireNonNull(elementName, "elementName");
            Objects.requireNonNull(message, "message");
        }
    }

    /** The room's audio devices, which the session follows like the camera. */
    enum AudioDevice {
        /** What the far end hears: silence while it is lost. */
        MICROPHONE,
        /** What the room hears: nothing while it is lost; the call and its statistics go on. */
        SPEAKER
    }

    /**
     * The microphone's capture or the speaker's playback failed or ended (unplugged, a device that
     * will not open): the far end hears silence, or the room hears nothing, while it is tried again
     * every {@code retryIn}; video and the other direction go on. Sent once per loss.
     *
     * @param elementName the element that reported it ({@code alsasrc}, {@code speaker}, ...)
     * @param message what GStreamer said, for example "element alsasrc refused to start: Could not
     *     open audio device for recording."
     */
    record AudioLost(AudioDevice device, String elementName, String message, Duration retryIn) implements MediaEvent {
        public AudioLost {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(elementName, "elementName");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(retryIn, "retryIn");
        }
    }

    /** The device plays again after an {@link AudioLost}, after {@code attempts} tries. */
    record AudioRestored(AudioDevice device, int attempts) implements MediaEvent {
        public AudioRestored {
            Objects.requireNonNull(device, "device");
        }
    }
}
