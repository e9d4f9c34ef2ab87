package com.roomagent.agent.systemd;

/** A notification to the service manager could not be sent; the message says why. */
public final class NotifyException extends Exception {
    private static final long serialVersionUID = 1L;

    public NotifyException(String message) {
        super(message);
    }

    public NotifyException(String message, Throwable cause) {
        super(message, cause);
    }
}
