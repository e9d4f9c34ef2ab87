package com.roomagent.av.media;

import java.util.Objects;
import java.util.Optional;

/**
 * A {@link MediaSession} could not start: what failed is the {@link #reason()}, where is {@link
 * #elementName()} when GStreamer named an element, and the message says both for an operator.
 */
public final class MediaException extends Exception {

    /** What went wrong, for callers that react differently. */
    public enum Reason {
        /** GStreamer 1.22 is not installed (or too old): run {@code make deps}. */
        GSTREAMER_MISSING,
        /** A plugin is missing (an encoder, decoder or sink the settings name) or elements do not link. */
        PIPELINE_REFUSED,
        /** An element refused to start (a device that cannot be opened). */
        ELEMENT_FAILED
    }

    private final Reason reason;
    private final String elementName; // null when GStreamer named none

    MediaException(Reason reason, String message, String elementName, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.elementName = elementName;
    }

    public Reason reason() {
        return reason;
    }

    /** The element that failed or is missing, when GStreamer named one. */
    public Optional<String> elementName() {
        return Optional.ofNullable(elementName);
    }
}
