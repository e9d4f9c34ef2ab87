package com.roomagent.protocol.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ActivationCodeTest {
    private static final Random SEEDED = new Random(20261125);

    private static ActivationCode freshCode() {
        SecureRandom random = new SecureRandom();
        random.setSeed(SEEDED.nextLong());
        return ActivationCode.generate(random);
    }

    @Test
    void verhoeffMatchesThePublishedExample() {
        // The classic worked example: 236 gets the check digit 3.
        assertEquals(3, Verhoeff.checkDigit(new int[] {2, 3, 6}));
        assertTrue(Verhoeff.isValid(new int[] {2, 3, 6, 3}));
        assertFalse(Verhoeff.isValid(new int[] {2, 3, 6, 4}));
    }

    @Test
    void generatedCodesParseBackInEveryTypedForm() throws Exception {
        for (int i = 0; i < 200; i++) {
            ActivationCode code = freshCode();
            String digits = code.digits();

            assertEquals(code, ActivationCode.parse(code.formatted()));
            assertEquals(code, ActivationCode.parse(digits));
            assertEquals(code, ActivationCode.parse(" " + digits.substring(0, 8) + " " + digits.substring(8) + " "));
            assertEquals(code, ActivationCode.parse(digits.substring(0, 4) + "." + digits.substring(4)));
        }
    }

    @Test
    void everySingleMistypedDigitIsCaughtAndItsGroupNamed() throws Exception {
        ActivationCode code = freshCode();
        char[] digits = code.digits().toCharArray();
        for (int position = 0; position < digits.length; position++) {
            for (char wrong = '0'; wrong <= '9'; wrong++) {
                if (wrong == digits[position]) {
                    continue;
                }
                char[] typed = digits.clone();
                typed[position] = wrong;

                ActivationCodeException error =
                        assertThrows(ActivationCodeException.class, () -> ActivationCode.parse(new String(typed)));

                assertEquals(ActivationCodeException.Reason.CHECK_DIGIT, error.reason());
                assertEquals(position / 4 + 1, error.position(), "the group holding digit " + (position + 1));
            }
        }
    }

    @Test
    void everySwapOfAdjacentDifferentDigitsIsCaught() {
        for (int n = 0; n < 50; n++) {
            char[] digits = freshCode().digits().toCharArray();
            for (int position = 0; position + 1 < digits.length; position++) {
                if (digits[position] == digits[position + 1]) {
                    continue;
                }
                char[] typed = digits.clone();
                typed[position] = digits[position + 1];
                typed[position + 1] = digits[position];

                assertThrows(ActivationCodeException.class, () -> ActivationCode.parse(new String(typed)));
            }
        }
    }

    @Test
    void groupsTypedInTheWrongOrderAreCaught() {
        String digits = freshCode().digits();
        String swapped = digits.substring(4, 8) + digits.substring(0, 4) + digits.substring(8);

        assertThrows(ActivationCodeException.class, () -> ActivationCode.parse(swapped));
    }

    @Test
    void aLetterIsReportedWithItsCharacterPosition() {
        ActivationCodeException error =
                assertThrows(ActivationCodeException.class, () -> ActivationCode.parse("1234-56O8-9012-3456"));

        assertEquals(ActivationCodeException.Reason.MALFORMED, error.reason());
        assertEquals(8, error.position());
        assertTrue(error.getMessage().contains("character 8"), error.getMessage());
    }

    @Test
    void tooFewDigitsIsAWrongLength() {
        ActivationCodeException error =
                assertThrows(ActivationCodeException.class, () -> ActivationCode.parse("1234-5678-9012"));

        assertEquals(ActivationCodeException.Reason.WRONG_LENGTH, error.reason());
        assertTrue(error.getMessage().contains("has 12 digits"), error.getMessage());
    }

    @Test
    void errorMessagesNeverRepeatTheCode() {
        String digits = freshCode().digits();
        String typo = digits.substring(0, 15) + (char) ('0' + (digits.charAt(15) - '0' + 1) % 10);

        ActivationCodeException error = assertThrows(ActivationCodeException.class, () -> ActivationCode.parse(typo));

        assertFalse(error.getMessage().contains(typo.substring(0, 8)), error.getMessage());
    }

    @Test
    void toStringMasksAllButTheLastGroup() {
        ActivationCode code = freshCode();

        assertEquals("****-****-****-" + code.digits().substring(12), code.toString());
    }
}
