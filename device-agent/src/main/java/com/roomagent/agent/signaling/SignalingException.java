package com.roomagent.agent.signaling;

/** The cloud answered registration or the event channel with something the protocol does not allow. */
public final class SignalingException extends Exception {
    private static final long serialVersionUID = 1L;

    public SignalingException(String message) {
        super(message);
    }

    public SignalingException(String message, Throwable cause) {
        super(message, cause);
    }
}
