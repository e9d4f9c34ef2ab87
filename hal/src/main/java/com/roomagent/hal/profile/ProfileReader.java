package com.roomagent.hal.profile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.configuration2.Configuration;

/**
 * Typed values of one profile source. Every failure is a {@link BoardProfileException} naming the
 * source, the key, the value and what is expected.
 */
final class ProfileReader {
    private final Configuration configuration;
    private final String source;

    ProfileReader(Configuration configuration, String source) {
        this.configuration = configuration;
        this.source = source;
    }

    String source() {
        return source;
    }

    BoardProfileException error(String key, String problem) {
        return new BoardProfileException(source, key, problem);
    }

    /** Refuses {@code board.*} keys the HAL does not know, and keys set more than once. */
    void checkKeys() throws BoardProfileException {
        for (Iterator<String> keys = configuration.getKeys(); keys.hasNext(); ) {
            String key = keys.next();
            if (!BoardProfileKeys.isBoardKey(key)) {
                continue; // other layers' keys: the agent's configuration checks those
            }
            if (!BoardProfileKeys.isKnown(key)) {
                String hint = BoardProfileKeys.suggestionFor(key)
                        .map(closest -> "did you mean " + closest + "? ")
                        .orElse("");
                throw error(key, "unknown board key; " + hint + "every key is listed in docs/hal.md");
            }
            int times = configuration.getList(key).size();
            if (times > 1) {
                throw error(key, "is set " + times + " times; keep one");
            }
        }
    }

    boolean has(String key) {
        return configuration.containsKey(key)
                && !configuration.getString(key, "").strip().isEmpty();
    }

    /** Whether any key of a group ({@code board.muteButton}) is set. */
    Optional<String> anyKeyOf(String group) {
        for (Iterator<String> keys = configuration.getKeys(group); keys.hasNext(); ) {
            String key = keys.next();
            if (key.startsWith(group + ".")) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    String requiredText(String key) throws BoardProfileException {
        if (!has(key)) {
            throw error(key, "missing; every profile must set it");
        }
        return configuration.getString(key).strip();
    }

    int requiredNumber(String key, int min, int max, String meaning) throws BoardProfileException {
        if (!has(key)) {
            throw error(key, "missing; expected " + meaning);
        }
        return number(key, 0, min, max, meaning);
    }

    /**
     * A whole number, decimal or {@code 0x} hexadecimal.
     *
     * @param meaning what the number is, for the message ("a BCM line number from 0 to 27")
     */
    int number(String key, int fallback, int min, int max, String meaning) throws BoardProfileException {
        if (!has(key)) {
            return fallback;
        }
        String text = configuration.getString(key).strip();
        int value;
        try {
            String lower = text.toLowerCase(Locale.ROOT);
            value = lower.startsWith("0x") ? Integer.parseInt(lower.substring(2), 16) : Integer.parseInt(lower);
        } catch (NumberFormatException e) {
            throw error(key, "'" + text + "' is not a whole number; expected " + meaning);
        }
        if (value < min || value > max) {
            throw error(key, text + " is out of range; expected " + meaning);
        }
        return value;
    }

    Duration duration(String key, Duration fallback, Duration min, Duration max) throws BoardProfileException {
        if (!has(key)) {
            return fallback;
        }
        String text = configuration.getString(key).strip();
        Duration value;
        try {
            value = DurationText.parse(text);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw error(key, "'" + text + "' is not a duration; expected a duration such as 30ms, 5s or PT5S");
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw error(
                    key,
                    text + " is out of range; expected from " + DurationText.format(min) + " to "
                            + DurationText.format(max) + " (default " + DurationText.format(fallback) + ")");
        }
        return value;
    }

    /** One of an enum's keywords, as {@code keywordOf} writes them. */
    <E extends Enum<E>> E choice(String key, E[] values, Keyword<E> keywordOf, E fallback)
            throws BoardProfileException {
        if (!has(key)) {
            return fallback;
        }
        return requiredChoice(key, values, keywordOf);
    }

    <E extends Enum<E>> E requiredChoice(String key, E[] values, Keyword<E> keywordOf) throws BoardProfileException {
        List<String> accepted = new ArrayList<>();
        for (E value : values) {
            accepted.add(keywordOf.of(value));
        }
        if (!has(key)) {
            throw error(key, "missing; expected one of " + String.join(", ", accepted));
        }
        String text = configuration.getString(key).strip();
        for (E value : values) {
            if (keywordOf.of(value).equalsIgnoreCase(text)) {
                return value;
            }
        }
        throw error(key, "'" + text + "' is not one of " + String.join(", ", accepted));
    }

    boolean flag(String key, boolean fallback) throws BoardProfileException {
        if (!has(key)) {
            return fallback;
        }
        String text = configuration.getString(key).strip().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error(key, "'" + text + "' is not true or false");
        };
    }

    /** A comma-separated list; empty entries are dropped. */
    List<String> list(String key) {
        List<String> items = new ArrayList<>();
        if (has(key)) {
            for (String item : configuration.getString(key).split(",")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
        }
        return items;
    }

    /** How an enum constant is written in a profile. */
    @FunctionalInterface
    interface Keyword<E> {
        String of(E value);
    }
}
