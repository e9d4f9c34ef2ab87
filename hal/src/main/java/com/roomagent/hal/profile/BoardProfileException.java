package com.roomagent.hal.profile;

import java.util.Optional;

/**
 * A board profile cannot be used: its file is unreadable, a key is unknown or set twice, a value is
 * invalid, two devices claim the same line, or the profile names hardware this system does not
 * have (an I2C bus, a GPIO chip, a PWM chip). The message names the source (a file path or a
 * built-in profile), the key and what to do. The agent refuses to boot with such a profile.
 */
public final class BoardProfileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String key;

    /**
     * @param source the file, or {@code built-in profile <name>}
     * @param key the offending key, or empty when the whole source is at fault
     * @param problem what is wrong and what is expected
     */
    public BoardProfileException(String source, String key, String problem) {
        super(source + (key.isEmpty() ? "" : ": " + key) + ": " + problem);
        this.source = source;
        this.key = key;
    }

    BoardProfileException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
        this.key = "";
    }

    /** Where the profile came from: a file path or {@code built-in profile <name>}. */
    public String source() {
        return source;
    }

    /** The key that is wrong, or empty when the whole source is at fault. */
    public Optional<String> key() {
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }
}
