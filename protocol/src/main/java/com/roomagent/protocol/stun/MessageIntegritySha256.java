package com.roomagent.protocol.stun;

import java.util.Arrays;
import java.util.Objects;

/**
 * MESSAGE-INTEGRITY-SHA256 (RFC 8489 §14.6): an HMAC-SHA256 over the message up to this
 * attribute, possibly truncated: 16 to 32 bytes, a multiple of 4. Check it with {@link
 * StunIntegrity#verifySha256}.
 */
public record MessageIntegritySha256(byte[] hmac) implements StunAttribute {
    /** Shortest value allowed (RFC 8489 §14.6). */
    public static final int MIN_LENGTH = 16;
    /** Length of an untruncated HMAC-SHA256. */
    public static final int MAX_LENGTH = 32;

    /** @throws IllegalArgumentException unless 16 to 32 bytes and a multiple of 4; copied */
    public MessageIntegritySha256 {
        Objects.requireNonNull(hmac, "hmac");
        if (!validLength(hmac.length)) {
            throw new IllegalArgumentException(
                    "MESSAGE-INTEGRITY-SHA256 has 16 to 32 bytes in steps of 4 (RFC 8489 §14.6), got " + hmac.length);
        }
        hmac = hmac.clone();
    }

    static boolean validLength(int length) {
        return length >= MIN_LENGTH && length <= MAX_LENGTH && length % 4 == 0;
    }

    /** Returns a copy of the HMAC. */
    @Override
    public byte[] hmac() {
        return hmac.clone();
    }

    @Override
    public int type() {
        return StunAttributeType.MESSAGE_INTEGRITY_SHA256;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MessageIntegritySha256 && Arrays.equals(hmac, ((MessageIntegritySha256) other).hmac);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hmac);
    }

    @Override
    public String toString() {
        return "MessageIntegritySha256[hmac=" + Hex.encode(hmac) + "]";
    }
}
