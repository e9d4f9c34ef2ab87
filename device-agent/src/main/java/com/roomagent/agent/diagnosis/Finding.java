package com.roomagent.agent.diagnosis;

import java.util.Objects;

/**
 * One observation about the network path, for the administrator.
 *
 * @param code stable identifier for scripts, e.g. {@code udp-5004-partial}
 * @param text the same in plain words
 */
public record Finding(String code, String text) {
    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
    }
}
