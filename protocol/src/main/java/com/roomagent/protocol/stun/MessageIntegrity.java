package com.roomagent.protocol.stun;

import java.util.Arrays;
import java.util.Objects;

/**
 * MESSAGE-INTEGRITY (RFC 5389 §15.4): a 20-byte HMAC-SHA1 over the message up to this attribute.
 * A decoded one is only a value: check it with {@link StunIntegrity#verify}. To send one, let
 * {@link StunEncoder} compute it rather than putting this record in a message.
 */
public record MessageIntegrity(byte[] hmac) implements StunAttribute {
    /** Length of an HMAC-SHA1, in bytes. */
    public static final int LENGTH = 20;

    /** @throws IllegalArgumentException unless the HMAC has 20 bytes; the array is copied */
    public MessageIntegrity {
        Objects.requireNonNull(hmac, "hmac");
        if (hmac.length != LENGTH) {
            throw new IllegalArgumentException("MESSAGE-INTEGRITY has 20 bytes, got " + hmac.length);
        }
        hmac = hmac.clone();
    }

    /** Returns a copy of the HMAC. */
    @Override
    public byte[] hmac() {
        return hmac.clone();
    }

    @Override
    public int type() {
        return StunAttributeType.MESSAGE_INTEGRITY;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MessageIntegrity && Arrays.equals(hmac, ((MessageIntegrity) other).hmac);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hmac);
    }

    @Override
    public String toString() {
        return "MessageIntegrity[hmac=" + Hex.encode(hmac) + "]";
    }
}
