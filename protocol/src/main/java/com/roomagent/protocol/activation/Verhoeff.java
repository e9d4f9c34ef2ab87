package com.roomagent.protocol.activation;

/**
 * The Verhoeff check digit (J. Verhoeff, 1969), built on the dihedral group D5. It catches every
 * single-digit error and every transposition of adjacent digits, which a typed code suffers most;
 * Matter's onboarding codes use it for the same reason.
 */
final class Verhoeff {
    private static final int[][] MULTIPLY = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
        {1, 2, 3, 4, 0, 6, 7, 8, 9, 5},
        {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
        {3, 4, 0, 1, 2, 8, 9, 5, 6, 7},
        {4, 0, 1, 2, 3, 9, 5, 6, 7, 8},
        {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
        {6, 5, 9, 8, 7, 1, 0, 4, 3, 2},
        {7, 6, 5, 9, 8, 2, 1, 0, 4, 3},
        {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
        {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}
    };
    private static final int[][] PERMUTE = {
        {0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
        {1, 5, 7, 6, 2, 8, 3, 0, 9, 4},
        {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
        {8, 9, 1, 6, 0, 4, 3, 5, 2, 7},
        {9, 4, 5, 3, 1, 2, 6, 8, 7, 0},
        {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
        {2, 7, 9, 3, 8, 0, 6, 4, 1, 5},
        {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}
    };
    private static final int[] INVERSE = {0, 4, 3, 2, 1, 5, 6, 7, 8, 9};

    private Verhoeff() {}

    /** The check digit to append to {@code digits} (each 0-9). */
    static int checkDigit(int[] digits) {
        int c = 0;
        for (int i = 0; i < digits.length; i++) {
            c = MULTIPLY[c][PERMUTE[(i + 1) % 8][digits[digits.length - 1 - i]]];
        }
        return INVERSE[c];
    }

    /** Whether {@code digits}, whose last digit is the check digit, is valid. */
    static boolean isValid(int[] digits) {
        int c = 0;
        for (int i = 0; i < digits.length; i++) {
            c = MULTIPLY[c][PERMUTE[i % 8][digits[digits.length - 1 - i]]];
        }
        return c == 0;
    }
}
