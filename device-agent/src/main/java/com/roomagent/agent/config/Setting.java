package com.roomagent.agent.config;

import java.util.Objects;

/**
 * One documented configuration key: its name, how it is read, its built-in default and what it
 * means. Every key the agent reads is a {@code Setting} in {@link AgentSettings}, and
 * docs/configuration.md lists exactly these (a test keeps the two in step).
 *
 * @param key the key in properties files, for example {@code discovery.samplesPerPair}
 * @param type how the text is read
 * @param defaultValue the built-in default, as text in the same syntax a file would use
 * @param minimum for whole numbers and durations, the smallest accepted value as text; empty for
 *     none
 * @param maximum for whole numbers and durations, the largest accepted value as text; empty for
 *     none
 * @param description what the setting changes, for the documentation
 * @param secret whether the value must never be shown in logs or error messages
 * @param <T> the Java type of the value
 */
public record Setting<T>(
        String key,
        Class<T> javaType,
        SettingType type,
        String defaultValue,
        String minimum,
        String maximum,
        String description,
        boolean secret) {

    public Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(defaultValue, "defaultValue");
    }

    /** The environment variable that sets this key: {@code ROOM_AGENT_} and the key in upper snake case. */
    public String environmentVariable() {
        StringBuilder name = new StringBuilder("ROOM_AGENT_");
        for (char c : key.toCharArray()) {
            if (c == '.' || c == '-') {
                name.append('_');
            } else if (Character.isUpperCase(c)) {
                name.append('_').append(c);
            } else {
                name.append(Character.toUpperCase(c));
            }
        }
        return name.toString();
    }

    /** The Java system property that sets this key: {@code roomagent.} and the key. */
    public String systemProperty() {
        return "roomagent." + key;
    }
}
