package com.roomagent.agent.upgrade;

/** The installer hook did not install the image: it failed, timed out or could not start. */
public final class InstallFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    public InstallFailedException(String message) {
        super(message);
    }

    public InstallFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
