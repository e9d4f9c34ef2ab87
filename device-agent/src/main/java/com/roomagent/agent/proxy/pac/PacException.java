package com.roomagent.agent.proxy.pac;

import java.util.Objects;

/**
 * A proxy auto-configuration (PAC) file could not be used: which {@link Kind}, where it came
 * from, and a message for the operator that says what to change. Never carries a credential: a
 * PAC file's URL is shown without its user information.
 */
public final class PacException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong; each has a stable identifier (docs/proxy.md). */
    public enum Kind {
        /** No PAC file to fetch: WPAD found no candidate. */
        NOT_FOUND("pac-not-found"),
        /** The PAC file could not be fetched: connection, HTTP status, size or time limit. */
        FETCH("pac-fetch-failed"),
        /** The PAC file is not valid JavaScript, or defines no FindProxyForURL function. */
        SYNTAX("pac-invalid"),
        /** The script threw an error while running. */
        SCRIPT_ERROR("pac-script-error"),
        /** The script tried to reach Java classes, which a PAC file may not. */
        JAVA_REFUSED("pac-java-refused"),
        /** The script ran longer than its time limit (a loop, or slow DNS lookups). */
        TIME_LIMIT("pac-time-limit"),
        /** FindProxyForURL returned something that is not a list of proxy directives. */
        BAD_RESULT("pac-bad-result");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    private final Kind kind;

    public PacException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public PacException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
