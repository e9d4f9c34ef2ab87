package com.roomagent.av.media;

import com.roomagent.av.gst.GstRuntime;
import com.roomagent.av.gst.GstUnavailableException;
import java.util.Objects;

/** What the installed GStreamer can do, asked before a session is planned. */
public final class MediaElements {
    private MediaElements() {}

    /**
     * Whether an element of that factory name can be made here (its plugin is installed), for
     * example a board's hardware encoder {@code v4l2h264enc} or {@code alsasrc}.
     *
     * @throws MediaException {@code GSTREAMER_MISSING} when GStreamer itself is not installed
     */
    public static boolean available(String factoryName) throws MediaException {
        Objects.requireNonNull(factoryName, "factoryName");
        try {
            return GstRuntime.hasElement(factoryName);
        } catch (GstUnavailableException e) {
            throw new MediaException(MediaException.Reason.GSTREAMER_MISSING, e.getMessage(), null, e);
        }
    }
}
