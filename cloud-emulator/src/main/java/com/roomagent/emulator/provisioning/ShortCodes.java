package com.roomagent.emulator.provisioning;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Pairing short codes: eight characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown
 * as {@code ABCD-EFGH}. 31^8 (about 8.5 * 10^11) codes, each live for ten minutes.
 */
final class ShortCodes {
    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 8;

    private ShortCodes() {}

    /** A new random code, formatted. */
    static String generate(SecureRandom random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return format(code.toString());
    }

    /**
     * The formatted code a person typed, in any case, with or without the dash and spaces; empty
     * when it cannot be a short code.
     */
    static Optional<String> normalize(String typed) {
        String compact = typed.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        if (compact.length() != LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < compact.length(); i++) {
            if (ALPHABET.indexOf(compact.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(format(compact));
    }

    private static String format(String compact) {
        return compact.substring(0, LENGTH / 2) + "-" + compact.substring(LENGTH / 2);
    }
}
