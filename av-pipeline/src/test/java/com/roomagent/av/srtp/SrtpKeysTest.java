package com.roomagent.av.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** One direction's master key and salt: lengths, copies, equality, and a toString without secrets. */
class SrtpKeysTest {
    private static final byte[] KEY = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
    private static final byte[] SALT = HexFormat.of().parseHex("101112131415161718191a1b1c1d");

    @Test
    void keyThenSaltIsTheThirtyByteMasterKeyLibsrtpTakes() {
        byte[] both = SrtpKeys.of(KEY, SALT).keyThenSalt();

        assertEquals(30, both.length);
        assertEquals(
                "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d",
                HexFormat.of().formatHex(both));
    }

    @Test
    void aKeyOfAnotherLengthIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SrtpKeys.of(new byte[32], SALT));
        assertThrows(IllegalArgumentException.class, () -> SrtpKeys.of(KEY, new byte[12]));
    }

    @Test
    void theKeysAreCopiedInAndOut() {
        byte[] key = KEY.clone();
        SrtpKeys keys = SrtpKeys.of(key, SALT);
        key[0] = 99;
        keys.masterKey()[1] = 99;

        assertArrayEquals(KEY, keys.masterKey());
        assertArrayEquals(SALT, keys.masterSalt());
    }

    @Test
    void keysAreEqualByValue() {
        byte[] otherSalt = SALT.clone();
        otherSalt[13] ^= 1;

        assertEquals(SrtpKeys.of(KEY, SALT), SrtpKeys.of(KEY.clone(), SALT.clone()));
        assertEquals(SrtpKeys.of(KEY, SALT).hashCode(), SrtpKeys.of(KEY, SALT).hashCode());
        assertNotEquals(SrtpKeys.of(KEY, SALT), SrtpKeys.of(KEY, otherSalt));
    }

    @Test
    void toStringNamesTheProfileAndNoKeyByte() {
        String text =
                SrtpKeys.of(KEY, SALT).toString() + new SrtpKeyPair(SrtpKeys.of(KEY, SALT), SrtpKeys.of(KEY, SALT));

        assertFalse(text.contains("0102"), text);
        assertFalse(text.contains("[0, 1, 2"), text);
        assertEquals(true, text.contains("SRTP_AES128_CM_HMAC_SHA1_80"), text);
    }
}
