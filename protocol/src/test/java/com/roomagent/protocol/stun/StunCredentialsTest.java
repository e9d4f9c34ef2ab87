package com.roomagent.protocol.stun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Keys follow RFC 5389 §15.4, with passwords prepared by SASLprep (RFC 4013). */
class StunCredentialsTest {
    @Test
    void shortTermKeyOfAnAsciiPasswordIsItsBytes() {
        assertArrayEquals(
                "VOkJxbRl1RmTxUk/WvJxBt".getBytes(StandardCharsets.UTF_8),
                StunCredentials.shortTermKey("VOkJxbRl1RmTxUk/WvJxBt"));
    }

    /** RFC 4013 §3 examples, the RFC 5769 §2.4 password, and the space mappings. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "I\u00ADX | IX",
                "user | user",
                "USER | USER",
                "\u00AA | a",
                "\u2168 | IX",
                "The\u00ADM\u00AAtr\u2168 | TheMatrIX",
                "a\u00A0b\u3000c | a b c",
                "zero\u200Bwidth | zerowidth",
                "\u0627\u0628 | \u0627\u0628"
            })
    void saslPrepMapsAndNormalizesPasswords(String password, String prepared) {
        assertArrayEquals(prepared.getBytes(StandardCharsets.UTF_8), StunCredentials.shortTermKey(password));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "bell\u0007", // C.2.1
                "del\u007F", // C.2.1
                "line\u2028sep", // C.2.2
                "private\uE000", // C.3
                "non\uFDD0char", // C.4
                "lone\uD800", // C.5
                "ideo\u2FF0", // C.7
                "ltr\u200Emark", // C.8
                "tag\uDB40\uDC01", // C.9, U+E0001
                "\u0627\u0031", // RFC 4013 §3: a right-to-left string must end right-to-left
                "\u0627abc\u0628" // right-to-left mixed with left-to-right
            })
    void saslPrepRejectsProhibitedPasswordsWithoutRevealingThem(String password) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> StunCredentials.shortTermKey(password));

        assertTrue(e.getMessage().contains("SASLprep"), e.getMessage());
        assertFalse(e.getMessage().contains(password), e.getMessage());
    }

    @Test
    void rejectionNamesTheIndexOfTheOffendingCodePoint() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> StunCredentials.shortTermKey("abc\u0001"));

        assertTrue(e.getMessage().contains("index 3"), e.getMessage());
        assertTrue(e.getMessage().contains("C.2.1"), e.getMessage());
    }

    @Test
    void longTermKeyIsSixteenBytesOfMd5() {
        byte[] key = StunCredentials.longTermKey("user", "realm", "pass");

        assertEquals(16, key.length);
        assertArrayEquals(TestVectors.hex("8493fbc53ba582fb4c044c456bdc40eb"), key);
    }

    @Test
    void longTermKeyPreparesThePasswordButNotTheUsername() {
        assertArrayEquals(
                StunCredentials.longTermKey("user", "realm", "pass"),
                StunCredentials.longTermKey("user", "realm", "pa\u00ADss"));
        assertFalse(Arrays.equals(
                StunCredentials.longTermKey("user", "realm", "pass"),
                StunCredentials.longTermKey("us\u00ADer", "realm", "pass")));
    }
}
