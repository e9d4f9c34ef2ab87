package com.roomagent.av.srtp;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * The master key and master salt of one direction of an SRTP session, for the only profile Room
 * Agent speaks: {@code SRTP_AES128_CM_HMAC_SHA1_80} (RFC 5764 section 4.1.2; AES-128 in counter
 * mode, HMAC-SHA1 with an 80-bit tag, RFC 3711 section 8.2), a 128-bit master key and a 112-bit
 * master salt.
 *
 * <p>A value: it copies the arrays it is given and hands out copies, compares in constant time and
 * never prints its bytes ({@link #toString()} says only what it is). The keys for both directions
 * come together as a {@link SrtpKeyPair}.
 */
public final class SrtpKeys {
    /** The profile's name as RFC 5764 section 4.1.2 spells it. */
    public static final String PROFILE = "SRTP_AES128_CM_HMAC_SHA1_80";
    /** Master key length in bytes: 128 bits (RFC 3711 section 8.2, RFC 5764 section 4.1.2). */
    public static final int MASTER_KEY_LENGTH = 16;
    /** Master salt length in bytes: 112 bits (RFC 3711 section 8.2, RFC 5764 section 4.1.2). */
    public static final int MASTER_SALT_LENGTH = 14;

    private final byte[] masterKey;
    private final byte[] masterSalt;

    private SrtpKeys(byte[] masterKey, byte[] masterSalt) {
        this.masterKey = masterKey;
        this.masterSalt = masterSalt;
    }

    /**
     * @throws IllegalArgumentException if the key is not {@value #MASTER_KEY_LENGTH} bytes or the
     *     salt not {@value #MASTER_SALT_LENGTH}
     */
    public static SrtpKeys of(byte[] masterKey, byte[] masterSalt) {
        Objects.requireNonNull(masterKey, "masterKey");
        Objects.requireNonNull(masterSalt, "masterSalt");
        if (masterKey.length != MASTER_KEY_LENGTH) {
            throw new IllegalArgumentException(
                    "an SRTP master key has " + MASTER_KEY_LENGTH + " bytes, got " + masterKey.length);
        }
        if (masterSalt.length != MASTER_SALT_LENGTH) {
            throw new IllegalArgumentException(
                    "an SRTP master salt has " + MASTER_SALT_LENGTH + " bytes, got " + masterSalt.length);
        }
        return new SrtpKeys(masterKey.clone(), masterSalt.clone());
    }

    /** A copy of the 16-byte master key. */
    public byte[] masterKey() {
        return masterKey.clone();
    }

    /** A copy of the 14-byte master salt. */
    public byte[] masterSalt() {
        return masterSalt.clone();
    }

    /**
     * A copy of key then salt, 30 bytes: the "master key" input of libsrtp, and so of GStreamer's
     * {@code srtpenc} {@code key} property and {@code srtpdec}'s {@code srtp-key} caps field.
     * The caller should overwrite it once handed over.
     */
    public byte[] keyThenSalt() {
        byte[] both = Arrays.copyOf(masterKey, MASTER_KEY_LENGTH + MASTER_SALT_LENGTH);
        System.arraycopy(masterSalt, 0, both, MASTER_KEY_LENGTH, MASTER_SALT_LENGTH);
        return both;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SrtpKeys keys
                && MessageDigest.isEqual(masterKey, keys.masterKey)
                && MessageDigest.isEqual(masterSalt, keys.masterSalt);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(masterKey) + Arrays.hashCode(masterSalt);
    }

    /** Names the profile only: key material never reaches a log. */
    @Override
    public String toString() {
        return "SrtpKeys[" + PROFILE + ", key and salt redacted]";
    }
}
