package com.roomagent.agent.config;

import com.roomagent.hal.profile.BoardProfileException;
import java.util.Optional;

/**
 * The configuration cannot be used: a file is unreadable or malformed, a key is unknown, a value
 * is invalid, or the board profile is wrong. The message names the source (a file path, an environment variable or a
 * system property), the key, and what to do; it never contains a secret value.
 */
public final class ConfigurationException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String key;

    ConfigurationException(String source, String key, String problem) {
        super(source + (key.isEmpty() ? "" : ": " + key) + ": " + problem);
        this.source = source;
        this.key = key;
    }

    ConfigurationException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
        this.key = "";
    }

    /** A board profile that cannot be used: its source, key and problem, as the HAL names them. */
    ConfigurationException(BoardProfileException cause) {
        super(cause.getMessage(), cause);
        this.source = cause.source();
        this.key = cause.key().orElse("");
    }

    /** Where the bad configuration came from: a file path, an environment variable or a system property. */
    public String source() {
        return source;
    }

    /** The key that is wrong, or empty when the whole source is unreadable. */
    public Optional<String> key() {
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }
}
