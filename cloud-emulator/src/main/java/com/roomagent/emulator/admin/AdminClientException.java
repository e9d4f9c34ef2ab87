package com.roomagent.emulator.admin;

/**
 * The running emulator could not be reached, or refused the request. The message is for the
 * person at the terminal: what failed and what to do (typically: start the emulator, or pass the
 * state directory it uses).
 */
public final class AdminClientException extends Exception {
    private static final long serialVersionUID = 1L;

    public AdminClientException(String message) {
        super(message);
    }

    public AdminClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
