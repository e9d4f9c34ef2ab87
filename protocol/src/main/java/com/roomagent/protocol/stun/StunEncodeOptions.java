package com.roomagent.protocol.stun;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link StunEncoder} adds to a message: MESSAGE-INTEGRITY, MESSAGE-INTEGRITY-SHA256,
 * FINGERPRINT, and which byte pads attribute values. Immutable; each {@code with} method returns
 * a new instance. Keys are copied.
 */
public final class StunEncodeOptions {
    private static final StunEncodeOptions DEFAULTS = new StunEncodeOptions(null, null, false, (byte) 0);

    private final byte[] integrityKey;
    private final byte[] integritySha256Key;
    private final boolean fingerprint;
    private final byte paddingByte;

    private StunEncodeOptions(byte[] integrityKey, byte[] integritySha256Key, boolean fingerprint, byte paddingByte) {
        this.integrityKey = integrityKey;
        this.integritySha256Key = integritySha256Key;
        this.fingerprint = fingerprint;
        this.paddingByte = paddingByte;
    }

    /** Nothing added, zero padding. */
    public static StunEncodeOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Adds MESSAGE-INTEGRITY, an HMAC-SHA1 keyed with {@code key} (RFC 5389 §15.4); see {@link
     * StunCredentials} for making the key.
     */
    public StunEncodeOptions withIntegrity(byte[] key) {
        return new StunEncodeOptions(
                Objects.requireNonNull(key, "key").clone(), integritySha256Key, fingerprint, paddingByte);
    }

    /**
     * Adds MESSAGE-INTEGRITY-SHA256, an untruncated 32-byte HMAC-SHA256 keyed with {@code key}
     * (RFC 8489 §14.6), after MESSAGE-INTEGRITY if that is added too.
     */
    public StunEncodeOptions withIntegritySha256(byte[] key) {
        return new StunEncodeOptions(
                integrityKey, Objects.requireNonNull(key, "key").clone(), fingerprint, paddingByte);
    }

    /** Adds FINGERPRINT (RFC 5389 §15.5), last. */
    public StunEncodeOptions withFingerprint(boolean add) {
        return new StunEncodeOptions(integrityKey, integritySha256Key, add, paddingByte);
    }

    /**
     * Pads attribute values with this byte. RFC 8489 §14 requires zero, the default; RFC 5389 §15
     * allowed any value, and some senders (the RFC 5769 test vectors among them) use 0x20. The
     * padding is covered by MESSAGE-INTEGRITY and FINGERPRINT, so reproducing such a message
     * bit for bit needs the same padding.
     */
    public StunEncodeOptions withPaddingByte(byte padding) {
        return new StunEncodeOptions(integrityKey, integritySha256Key, fingerprint, padding);
    }

    Optional<byte[]> integrityKey() {
        return Optional.ofNullable(integrityKey);
    }

    Optional<byte[]> integritySha256Key() {
        return Optional.ofNullable(integritySha256Key);
    }

    boolean fingerprint() {
        return fingerprint;
    }

    byte paddingByte() {
        return paddingByte;
    }

    @Override
    public String toString() {
        // Never the keys: they are credentials.
        return "StunEncodeOptions[integrity=" + (integrityKey != null) + ", integritySha256="
                + (integritySha256Key != null) + ", fingerprint=" + fingerprint + ", paddingByte="
                + (paddingByte & 0xFF) + "]";
    }
}
