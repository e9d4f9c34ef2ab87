package com.roomagent.av.gst;

import java.util.Objects;
import java.util.Optional;

/**
 * A pipeline could not be built (an element is not installed, the description does not parse) or
 * could not start (an element refused: a missing file, a missing device). Says which, and names the
 * element that failed when GStreamer named one.
 */
public final class GstPipelineException extends Exception {

    /** Where the pipeline failed. */
    public enum Stage {
        /** Parsing the description or finding its elements: an installation or programming fault. */
        BUILD,
        /** Setting it to PLAYING: an element could not open its file or device. */
        START
    }

    private final Stage stage;
    private final String elementName; // null when GStreamer named no element

    GstPipelineException(Stage stage, String elementName, String message) {
        super(message);
        this.stage = Objects.requireNonNull(stage, "stage");
        this.elementName = elementName;
    }

    public Stage stage() {
        return stage;
    }

    /** The name of the element that reported the failure, when GStreamer named one. */
    public Optional<String> elementName() {
        return Optional.ofNullable(elementName);
    }
}
