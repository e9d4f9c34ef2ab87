package com.roomagent.av.gst;

/**
 * GStreamer cannot be used in this process: its native library is missing, or it is older than
 * the version Room Agent needs. The message says what to install; nothing in the process can
 * repair it, so callers report it and stop using media.
 */
public final class GstUnavailableException extends Exception {
    GstUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
