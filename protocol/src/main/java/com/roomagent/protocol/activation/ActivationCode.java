package com.roomagent.protocol.activation;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * An activation code as an installer types it: 16 digits in four groups of four, for example
 * {@code 4821-0937-5562-1184}. Each group is three random digits and a Verhoeff check digit
 * computed over the group's number (1 to 4) and its three digits, so that:
 *
 * <ul>
 *   <li>every single mistyped digit and every swap of adjacent digits within a group is caught,
 *       and the installer is told which group to check (a whole-code check digit could say only
 *       that something is wrong);
 *   <li>two groups typed in the wrong order are caught too, because the group number is part of
 *       each group's check.
 * </ul>
 *
 * <p>Twelve random digits give 10^12 codes; with single use, expiry and rate limiting in the cloud
 * that is ample. Separators (spaces, dashes, dots) are accepted anywhere. The full code is a
 * secret until used: {@link #toString()} masks all but the last group, for logs.
 */
public final class ActivationCode {
    /** Digits in a code. */
    public static final int DIGITS = 16;

    private static final int GROUPS = 4;
    private static final int GROUP_SIZE = 4;

    private final String digits;

    private ActivationCode(String digits) {
        this.digits = digits;
    }

    /**
     * Reads a code as typed.
     *
     * @throws ActivationCodeException saying what is wrong and where
     */
    public static ActivationCode parse(String typed) throws ActivationCodeException {
        Objects.requireNonNull(typed, "typed");
        StringBuilder found = new StringBuilder(DIGITS);
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c >= '0' && c <= '9') {
                found.append(c);
            } else if (c != ' ' && c != '-' && c != '.' && c != '\t') {
                throw new ActivationCodeException(
                        ActivationCodeException.Reason.MALFORMED,
                        i + 1,
                        "character " + (i + 1) + " of the activation code is not a digit; a code is 16 digits,"
                                + " such as 1234-5678-9012-3456");
            }
        }
        if (found.length() != DIGITS) {
            throw new ActivationCodeException(
                    ActivationCodeException.Reason.WRONG_LENGTH,
                    found.length(),
                    "the activation code has " + found.length() + " digits; it should have 16, in four groups of"
                            + " four");
        }
        for (int group = 1; group <= GROUPS; group++) {
            if (!Verhoeff.isValid(groupWithNumber(found, group))) {
                throw new ActivationCodeException(
                        ActivationCodeException.Reason.CHECK_DIGIT,
                        group,
                        "group " + group + " of the activation code (digits " + ((group - 1) * GROUP_SIZE + 1)
                                + " to " + group * GROUP_SIZE + ") has a typing error; check it against the code"
                                + " you were given");
            }
        }
        return new ActivationCode(found.toString());
    }

    /** A new random code, as the cloud issues them. */
    public static ActivationCode generate(SecureRandom random) {
        StringBuilder code = new StringBuilder(DIGITS);
        for (int group = 1; group <= GROUPS; group++) {
            int[] data = new int[GROUP_SIZE];
            data[0] = group;
            for (int i = 1; i < GROUP_SIZE; i++) {
                data[i] = random.nextInt(10);
                code.append(data[i]);
            }
            code.append(Verhoeff.checkDigit(data));
        }
        return new ActivationCode(code.toString());
    }

    /** The group number followed by the group's four digits (three data digits, then the check digit). */
    private static int[] groupWithNumber(CharSequence digits, int group) {
        int[] values = new int[GROUP_SIZE + 1];
        values[0] = group;
        for (int i = 0; i < GROUP_SIZE; i++) {
            values[i + 1] = digits.charAt((group - 1) * GROUP_SIZE + i) - '0';
        }
        return values;
    }

    /** The 16 digits with no separators: the form sent to the cloud. */
    public String digits() {
        return digits;
    }

    /** The code as shown to people: four groups joined by dashes. */
    public String formatted() {
        return digits.substring(0, 4) + "-" + digits.substring(4, 8) + "-" + digits.substring(8, 12) + "-"
                + digits.substring(12);
    }

    /** The code with all but its last group masked ({@code ****-****-****-1184}): safe for logs. */
    @Override
    public String toString() {
        return "****-****-****-" + digits.substring(12);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ActivationCode code && code.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }
}
