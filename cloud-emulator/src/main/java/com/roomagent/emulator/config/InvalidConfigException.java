package com.roomagent.emulator.config;

import java.util.List;

/**
 * The configuration cannot be used. The message names the source (file), the field or node, and
 * what to do; {@link #problems()} lists each problem on its own.
 */
public final class InvalidConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final List<String> problems;

    public InvalidConfigException(String source, List<String> problems) {
        this(source, problems, null);
    }

    public InvalidConfigException(String source, List<String> problems, Throwable cause) {
        super(source + ": " + String.join("; ", problems), cause);
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** The file path, or a description of where the configuration came from. */
    public String source() {
        return source;
    }

    /** Every problem found, each naming its field or node and what to do. */
    public List<String> problems() {
        return problems;
    }
}
