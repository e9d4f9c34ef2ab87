package com.roomagent.agent.media;

/** The media path could not be set up: no candidate answered, DTLS failed, or the media did not start. */
public final class MediaPathException extends Exception {
    private static final long serialVersionUID = 1L;

    public MediaPathException(String message) {
        super(message);
    }

    public MediaPathException(String message, Throwable cause) {
        super(message, cause);
    }
}
