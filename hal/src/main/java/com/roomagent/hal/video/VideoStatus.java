package com.roomagent.hal.video;

/**
 * Whether the board can give the pipeline video, and what to tell people about it.
 *
 * @param available whether video may flow
 * @param text the status line: {@code video available: ...} or {@code video stopped: <reason>}
 */
public record VideoStatus(boolean available, String text) {
    /** The status line when the privacy shutter is closed. */
    public static final String SHUTTER_CLOSED = "video stopped: privacy shutter closed";

    public static final String NO_CAMERA = "video stopped: no camera found";
}
