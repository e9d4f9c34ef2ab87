package com.roomagent.transport.srtp;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * The master key and master salt of one direction of an SRTP session for the only profile Room
 * Agent speaks, {@code SRTP_AES128_CM_HMAC_SHA1_80} (RFC 3711 section 8.2, RFC 5764 section
 * 4.1.2): a 128-bit master key and a 112-bit master salt. They come from the DTLS exporter (RFC
 * 5764 section 4.2) of the handshake between a participant and the media node.
 *
 * <p>A value: it copies the arrays it is given, compares in constant time and never prints its
 * bytes. {@link SrtpContext} derives its session keys from it once, at construction.
 */
public final class SrtpMasterKey {
    /** Master key length in bytes: 128 bits (RFC 3711 section 8.2). */
    public static final int KEY_LENGTH = 16;
    /** Master salt length in bytes: 112 bits (RFC 3711 section 8.2). */
    public static final int SALT_LENGTH = 14;

    private final byte[] key;
    private final byte[] salt;

    private SrtpMasterKey(byte[] key, byte[] salt) {
        this.key = key;
        this.salt = salt;
    }

    /**
     * @throws IllegalArgumentException if the key is not {@value #KEY_LENGTH} bytes or the salt not
     *     {@value #SALT_LENGTH}
     */
    public static SrtpMasterKey of(byte[] key, byte[] salt) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(salt, "salt");
        if (key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("an SRTP master key has " + KEY_LENGTH + " bytes, got " + key.length);
        }
        if (salt.length != SALT_LENGTH) {
            throw new IllegalArgumentException("an SRTP master salt has " + SALT_LENGTH + " bytes, got " + salt.length);
        }
        return new SrtpMasterKey(key.clone(), salt.clone());
    }

    /**
     * From key then salt, 30 bytes: libsrtp's "master key" input, the layout of GStreamer's {@code
     * srtpenc key} property and of SDES inline keys (RFC 4568 section 6.1).
     *
     * @throws IllegalArgumentException unless {@code keyThenSalt} has exactly 30 bytes
     */
    public static SrtpMasterKey fromKeyThenSalt(byte[] keyThenSalt) {
        Objects.requireNonNull(keyThenSalt, "keyThenSalt");
        if (keyThenSalt.length != KEY_LENGTH + SALT_LENGTH) {
            throw new IllegalArgumentException(
                    "SRTP key then salt has " + (KEY_LENGTH + SALT_LENGTH) + " bytes, got " + keyThenSalt.length);
        }
        return new SrtpMasterKey(
                Arrays.copyOf(keyThenSalt, KEY_LENGTH),
                Arrays.copyOfRange(keyThenSalt, KEY_LENGTH, keyThenSalt.length));
    }

    /** A copy of the 16-byte master key. */
    public byte[] key() {
        return key.clone();
    }

    /** A copy of the 14-byte master salt. */
    public byte[] salt() {
        return salt.clone();
    }

    /** A copy of key then salt (30 bytes); overwrite it once handed over. */
    public byte[] keyThenSalt() {
        byte[] both = Arrays.copyOf(key, KEY_LENGTH + SALT_LENGTH);
        System.arraycopy(salt, 0, both, KEY_LENGTH, SALT_LENGTH);
        return both;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SrtpMasterKey that
                && MessageDigest.isEqual(key, that.key)
                && MessageDigest.isEqual(salt, that.salt);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(key) + Arrays.hashCode(salt);
    }

    /** Names the profile only: key material never reaches a log. */
    @Override
    public String toString() {
        return "SrtpMasterKey[AES_CM_128_HMAC_SHA1_80, key and salt redacted]";
    }
}
