package com.roomagent.agent.control;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The control socket cannot be opened. The message names the path, says why, and what to do.
 */
public final class ControlSocketException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the socket cannot be opened. */
    public enum Reason {
        /** Another agent answers on the socket: two agents must not share one state. */
        ANOTHER_AGENT_RUNNING,
        /** Something that is not a socket is at the path. */
        PATH_OCCUPIED,
        /** The path is longer than a Unix socket address allows (107 bytes on Linux). */
        PATH_TOO_LONG,
        /** Creating, binding or setting the permissions of the socket failed. */
        IO
    }

    private final Reason reason;
    private final transient Path path;

    ControlSocketException(Reason reason, Path path, String problem, Throwable cause) {
        super("control socket " + path + ": " + problem, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.path = path;
    }

    public Reason reason() {
        return reason;
    }

    public Path path() {
        return path;
    }
}
