package com.roomagent.av.camera;

import java.util.Objects;
import java.util.Optional;

/**
 * The camera gave no frames and will give none: what failed is the {@link #reason()}, where is
 * {@link #elementName()} (the GStreamer element, when one was named), and the message says both
 * with the source, for an operator to read. A grabber that threw it (other than for {@link
 * Reason#INTERRUPTED}) stays failed: close it, and open a new one to try again.
 */
public final class CameraException extends Exception {

    /** What went wrong, for callers that react differently. */
    public enum Reason {
        /** GStreamer 1.22 is not installed (or is too old): run {@code make deps}. */
        GSTREAMER_MISSING,
        /** The pipeline could not be built: a GStreamer plugin for this source is not installed. */
        PIPELINE_REFUSED,
        /** An element failed: missing file or device, undecodable data, camera unplugged. */
        SOURCE_FAILED,
        /** The source ended: a clip with {@link CameraSource.ClipEnd#STOP}, or a camera that stopped. */
        END_OF_STREAM,
        /** The grabber was closed, possibly by another thread while this one waited. */
        CLOSED,
        /** The waiting thread was interrupted; its interrupt flag is set again. */
        INTERRUPTED
    }

    private final Reason reason;
    private final String elementName; // null when no element was named

    CameraException(Reason reason, String message, String elementName, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.elementName = elementName;
    }

    CameraException(Reason reason, String message) {
        this(reason, message, null, null);
    }

    public Reason reason() {
        return reason;
    }

    /** The name of the GStreamer element that failed ({@code filesrc}, {@code v4l2src}, ...). */
    public Optional<String> elementName() {
        return Optional.ofNullable(elementName);
    }
}
