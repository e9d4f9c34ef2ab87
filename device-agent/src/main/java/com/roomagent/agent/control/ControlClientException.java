package com.roomagent.agent.control;

import java.nio.file.Path;
import java.util.Objects;

/** The CLI could not get an answer from the agent over the control socket; the message says what to do. */
public final class ControlClientException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why there is no answer. */
    public enum Reason {
        /** No socket file, or nothing answers on it: the agent is not running. */
        AGENT_NOT_RUNNING,
        /** The socket exists but this user may not connect (mode 0660: owner and group only). */
        PERMISSION_DENIED,
        /** The agent took the request but did not answer in time. */
        TIMEOUT,
        /** The answer was not the protocol's JSON, or the connection broke. */
        PROTOCOL
    }

    private final Reason reason;
    private final transient Path path;

    ControlClientException(Reason reason, Path path, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.path = path;
    }

    public Reason reason() {
        return reason;
    }

    /** The control socket's path. */
    public Path path() {
        return path;
    }
}
