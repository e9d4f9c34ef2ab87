package com.roomagent.protocol.stun;

import com.roomagent.protocol.stun.StunParseException.Reason;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies MESSAGE-INTEGRITY (RFC 5389 §15.4) and MESSAGE-INTEGRITY-SHA256 (RFC 8489 §14.6) on
 * the raw bytes of a received message; the HMAC covers bytes, not decoded values, so it is checked
 * on what arrived. Stateless and thread-safe.
 *
 * <p>Only the header and the attribute bounds are parsed here; decode with {@link StunDecoder}
 * for the rest. An integrity attribute that receivers must ignore (one after another
 * MESSAGE-INTEGRITY, say) does not count: the first one that counts is checked.
 */
public final class StunIntegrity {
    private StunIntegrity() {}

    /**
     * Whether the message carries a MESSAGE-INTEGRITY that matches {@code key}. False when it has
     * none or it does not match; the comparison takes the same time wherever the HMACs differ.
     *
     * @throws StunParseException if the bytes are not a structurally valid message, or the
     *     attribute does not have 20 bytes
     */
    public static boolean verify(byte[] rawMessage, byte[] key) throws StunParseException {
        return verify(rawMessage, 0, rawMessage.length, key);
    }

    /** As {@link #verify(byte[], byte[])}, for the message in {@code data[offset, offset + length)}. */
    public static boolean verify(byte[] data, int offset, int length, byte[] key) throws StunParseException {
        Objects.requireNonNull(key, "key");
        StunLayout layout = StunLayout.scan(data, offset, length);
        Optional<RawAttribute> found = layout.first(StunAttributeType.MESSAGE_INTEGRITY);
        if (found.isEmpty()) {
            return false;
        }
        RawAttribute attribute = found.get();
        if (attribute.valueLength() != MessageIntegrity.LENGTH) {
            throw new StunParseException(
                    Reason.BAD_ATTRIBUTE,
                    attribute.describe() + ": MESSAGE-INTEGRITY has 20 bytes, got " + attribute.valueLength());
        }
        return matches(layout, attribute, Digests.HMAC_SHA1, key);
    }

    /**
     * Whether the message carries a MESSAGE-INTEGRITY-SHA256 that matches {@code key}. A value
     * shorter than 32 bytes is a truncated HMAC and is compared with the same-length prefix of
     * the computed one (RFC 8489 §14.6). False when absent or wrong; constant-time comparison.
     *
     * @throws StunParseException if the bytes are not a structurally valid message, or the value is
     *     not 16 to 32 bytes in steps of 4 (RFC 8489 §14.6)
     */
    public static boolean verifySha256(byte[] rawMessage, byte[] key) throws StunParseException {
        return verifySha256(rawMessage, 0, rawMessage.length, key);
    }

    /** As {@link #verifySha256(byte[], byte[])}, for {@code data[offset, offset + length)}. */
    public static boolean verifySha256(byte[] data, int offset, int length, byte[] key) throws StunParseException {
        Objects.requireNonNull(key, "key");
        StunLayout layout = StunLayout.scan(data, offset, length);
        Optional<RawAttribute> found = layout.first(StunAttributeType.MESSAGE_INTEGRITY_SHA256);
        if (found.isEmpty()) {
            return false;
        }
        RawAttribute attribute = found.get();
        if (!MessageIntegritySha256.validLength(attribute.valueLength())) {
            throw new StunParseException(
                    Reason.BAD_ATTRIBUTE,
                    attribute.describe() + ": MESSAGE-INTEGRITY-SHA256 has 16 to 32 bytes in steps of 4"
                            + " (RFC 8489 §14.6), got " + attribute.valueLength());
        }
        return matches(layout, attribute, Digests.HMAC_SHA256, key);
    }

    /**
     * Computes the HMAC over the message up to the attribute, with the length field set to end
     * just after it (RFC 5389 §15.4), and compares the attribute's value with as many leading
     * bytes of the result.
     */
    private static boolean matches(StunLayout layout, RawAttribute attribute, String algorithm, byte[] key) {
        byte[] data = layout.data();
        int start = layout.start();
        int length = attribute.valueLength();
        int lengthField = attribute.valuePosition() + length - StunHeader.LENGTH;
        byte[] computed = Digests.hmac(algorithm, key, data, start, start + attribute.position(), lengthField);
        int valueStart = start + attribute.valuePosition();
        byte[] received = Arrays.copyOfRange(data, valueStart, valueStart + length);
        return MessageDigest.isEqual(Arrays.copyOf(computed, length), received);
    }
}
