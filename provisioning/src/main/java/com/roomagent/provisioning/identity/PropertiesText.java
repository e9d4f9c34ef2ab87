package com.roomagent.provisioning.identity;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Properties files that people can read: sorted keys, URLs without the {@code \:} escapes of
 * {@link Properties#store}, and no timestamp comment, so the same content always gives the same file.
 * {@link Properties#load} (and Commons Configuration) read them back.
 */
final class PropertiesText {
    private PropertiesText() {}

    static String write(String comment, Map<String, String> values) {
        StringBuilder text = new StringBuilder();
        text.append("# ").append(comment).append('\n');
        SortedMap<String, String> sorted = new TreeMap<>(values);
        sorted.forEach((key, value) -> {
            escape(key, true, text);
            text.append('=');
            escape(value, false, text);
            text.append('\n');
        });
        return text.toString();
    }

    static Properties read(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return properties;
    }

    private static void escape(String text, boolean key, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                out.append("\\\\");
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else if (c == ' ' && (key || i == 0)) {
                // Properties.load drops leading blanks of a value and ends a key at a blank.
                out.append("\\ ");
            } else if (key && (c == '=' || c == ':' || c == '#' || c == '!')) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
    }
}
