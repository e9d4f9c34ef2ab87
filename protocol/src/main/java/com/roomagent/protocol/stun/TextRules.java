package com.roomagent.protocol.stun;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** The length rules shared by the UTF-8 text attributes. */
final class TextRules {
    /**
     * REALM, NONCE, SOFTWARE and the ERROR-CODE reason are "fewer than 128 characters (which can
     * be as long as 763 bytes)" (RFC 5389 §15.6-15.10; RFC 8489 §14).
     */
    static final int MAX_CHARACTERS = 127;

    static final int MAX_BYTES = 763;

    /** USERNAME is "less than 513 bytes" and has no character limit (RFC 5389 §15.3). */
    static final int MAX_USERNAME_BYTES = 512;

    private TextRules() {}

    /** Checks a REALM, NONCE, SOFTWARE or reason phrase, naming {@code attribute} in the error. */
    static String requireShortText(String attribute, String value) {
        requireEncodable(attribute, value);
        int characters = value.codePointCount(0, value.length());
        if (characters > MAX_CHARACTERS) {
            throw new IllegalArgumentException(attribute + " must be fewer than 128 characters, got " + characters);
        }
        requireMaxBytes(attribute, value, MAX_BYTES);
        return value;
    }

    static String requireUsername(String value) {
        requireEncodable("USERNAME", value);
        requireMaxBytes("USERNAME", value, MAX_USERNAME_BYTES);
        return value;
    }

    private static void requireEncodable(String attribute, String value) {
        Objects.requireNonNull(value, attribute);
        // String.getBytes would silently turn an unpaired surrogate into '?': refuse it instead.
        if (!StandardCharsets.UTF_8.newEncoder().canEncode(value)) {
            throw new IllegalArgumentException(attribute + " contains an unpaired surrogate, which UTF-8 cannot carry");
        }
    }

    private static void requireMaxBytes(String attribute, String value, int maxBytes) {
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxBytes) {
            throw new IllegalArgumentException(
                    attribute + " must be at most " + maxBytes + " bytes of UTF-8, got " + bytes);
        }
    }
}
