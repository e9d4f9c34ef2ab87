package com.roomagent.emulator;

import java.util.Objects;

/**
 * The emulator did not start; nothing it opened is left open. The message says what failed, where
 * (file, node, address) and what to do; {@link #failure()} classifies it for exit codes and tests.
 */
public final class EmulatorStartException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What kind of thing went wrong. */
    public enum Failure {
        /** The configuration is invalid: the command exits with 2. */
        INVALID_CONFIGURATION,
        /** A port is already bound by another process. */
        PORT_IN_USE,
        /** A port below 1024 needs privilege the process lacks. */
        PORT_NEEDS_PRIVILEGE,
        /** A configured host is not an address of this machine. */
        ADDRESS_NOT_LOCAL,
        /** Any other failure to bind or listen. */
        LISTEN_FAILED,
        /** The state directory or the CA in it cannot be used. */
        STATE_DIRECTORY,
        /** The JDK could not create keys, certificates or TLS contexts. */
        TLS_SETUP
    }

    private final Failure failure;

    public EmulatorStartException(Failure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = Objects.requireNonNull(failure, "failure");
    }

    public Failure failure() {
        return failure;
    }
}
