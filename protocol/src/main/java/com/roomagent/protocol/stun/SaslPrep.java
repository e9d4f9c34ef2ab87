package com.roomagent.protocol.stun;

import java.text.Normalizer;
import java.util.Optional;

/**
 * SASLprep (RFC 4013), the stringprep profile (RFC 3454) that RFC 5389 applies to passwords.
 * Unassigned code points are allowed, as for queries (RFC 3454 §7), so no table of Unicode 3.2
 * assignments is carried. NFKC and the bidirectional categories come from the JDK's Unicode
 * tables rather than Unicode 3.2; for characters that 3.2 assigned they agree but for a handful
 * of later corrections.
 */
final class SaslPrep {
    private SaslPrep() {}

    /**
     * Prepares {@code input}. Error messages give the position of the offending code point after
     * mapping and normalization, never the input, which is a password.
     *
     * @throws IllegalArgumentException if the prepared string holds a prohibited code point
     *     (RFC 4013 §2.3) or breaks the bidirectional rules (§2.4)
     */
    static String prepare(String input) {
        String normalized = Normalizer.normalize(map(input), Normalizer.Form.NFKC); // §2.2
        int[] codePoints = normalized.codePoints().toArray();
        boolean hasRandAl = false;
        boolean hasL = false;
        for (int i = 0; i < codePoints.length; i++) {
            Optional<String> table = prohibitedBy(codePoints[i]);
            if (table.isPresent()) {
                throw new IllegalArgumentException("password rejected by SASLprep (RFC 4013 §2.3): the code point at"
                        + " index " + i + " after mapping and NFKC is prohibited by RFC 3454 table " + table.get());
            }
            hasRandAl |= isRandAl(codePoints[i]);
            hasL |= isL(codePoints[i]);
        }
        checkBidi(codePoints, hasRandAl, hasL);
        return normalized;
    }

    /**
     * RFC 4013 §2.1: characters commonly mapped to nothing (RFC 3454 B.1) are removed, and
     * non-ASCII spaces (C.1.2) become U+0020. U+200B is in both tables; B.1 is applied first, so it
     * is removed, as other SASLprep implementations do.
     */
    private static String map(String input) {
        StringBuilder mapped = new StringBuilder(input.length());
        input.codePoints().forEach(codePoint -> {
            if (!isMappedToNothing(codePoint)) {
                mapped.appendCodePoint(isNonAsciiSpace(codePoint) ? ' ' : codePoint);
            }
        });
        return mapped.toString();
    }

    /**
     * RFC 3454 §6 as RFC 4013 §2.4 applies it: a string with a right-to-left character (D.1)
     * holds no left-to-right character (D.2), and starts and ends with a right-to-left character.
     */
    private static void checkBidi(int[] codePoints, boolean hasRandAl, boolean hasL) {
        if (!hasRandAl) {
            return;
        }
        if (hasL) {
            throw new IllegalArgumentException("password rejected by SASLprep (RFC 4013 §2.4): it mixes"
                    + " right-to-left and left-to-right characters (RFC 3454 §6)");
        }
        int last = codePoints.length - 1;
        if (!isRandAl(codePoints[0]) || !isRandAl(codePoints[last])) {
            int index = isRandAl(codePoints[0]) ? last : 0;
            throw new IllegalArgumentException("password rejected by SASLprep (RFC 4013 §2.4): the code point at"
                    + " index " + index + " after mapping and NFKC must be right-to-left (RFC 3454 §6)");
        }
    }

    /** RFC 3454 table B.1. */
    private static boolean isMappedToNothing(int c) {
        return c == 0x00AD
                || c == 0x034F
                || c == 0x1806
                || (c >= 0x180B && c <= 0x180D)
                || (c >= 0x200B && c <= 0x200D)
                || c == 0x2060
                || (c >= 0xFE00 && c <= 0xFE0F)
                || c == 0xFEFF;
    }

    /** RFC 3454 table C.1.2. */
    private static boolean isNonAsciiSpace(int c) {
        return c == 0x00A0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000;
    }

    /** The tables RFC 4013 §2.3 prohibits: C.1.2, C.2.1, C.2.2, C.3 to C.9. */
    private static Optional<String> prohibitedBy(int c) {
        if (isNonAsciiSpace(c)) {
            return Optional.of("C.1.2 (non-ASCII space)");
        } else if (c <= 0x1F || c == 0x7F) {
            return Optional.of("C.2.1 (ASCII control)");
        } else if (isNonAsciiControl(c)) {
            return Optional.of("C.2.2 (non-ASCII control)");
        } else if ((c >= 0xE000 && c <= 0xF8FF) || (c >= 0xF0000 && c <= 0xFFFFD) || (c >= 0x100000 && c <= 0x10FFFD)) {
            return Optional.of("C.3 (private use)");
        } else if ((c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE) {
            return Optional.of("C.4 (non-character)");
        } else if (c >= 0xD800 && c <= 0xDFFF) {
            return Optional.of("C.5 (surrogate)");
        } else if (c >= 0xFFF9 && c <= 0xFFFD) {
            return Optional.of("C.6 (inappropriate for plain text)");
        } else if (c >= 0x2FF0 && c <= 0x2FFB) {
            return Optional.of("C.7 (inappropriate for canonical representation)");
        } else if (c == 0x0340
                || c == 0x0341
                || c == 0x200E
                || c == 0x200F
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x206A && c <= 0x206F)) {
            return Optional.of("C.8 (change display properties or deprecated)");
        } else if (c == 0xE0001 || (c >= 0xE0020 && c <= 0xE007F)) {
            return Optional.of("C.9 (tagging)");
        }
        return Optional.empty();
    }

    /** RFC 3454 table C.2.2. */
    private static boolean isNonAsciiControl(int c) {
        return (c >= 0x80 && c <= 0x9F)
                || c == 0x06DD
                || c == 0x070F
                || c == 0x180E
                || c == 0x200C
                || c == 0x200D
                || c == 0x2028
                || c == 0x2029
                || (c >= 0x2060 && c <= 0x2063)
                || (c >= 0x206A && c <= 0x206F)
                || c == 0xFEFF
                || (c >= 0xFFF9 && c <= 0xFFFC)
                || (c >= 0x1D173 && c <= 0x1D17A);
    }

    /** RFC 3454 table D.1: bidirectional category R or AL. */
    private static boolean isRandAl(int c) {
        byte direction = Character.getDirectionality(c);
        return direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
    }

    /** RFC 3454 table D.2: bidirectional category L. */
    private static boolean isL(int c) {
        return Character.getDirectionality(c) == Character.DIRECTIONALITY_LEFT_TO_RIGHT;
    }
}
