package com.roomagent.emulator.signaling;

/**
 * A request the signaling server refuses, with the status and the message of the JSON error body
 * ({@code {"error": "..."}}). Thrown by request handling and turned into a response in one place.
 */
final class HttpError extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;

    HttpError(int status, String message) {
        super(message);
        this.status = status;
    }

    HttpError(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    int status() {
        return status;
    }
}
