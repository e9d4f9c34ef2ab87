package com.roomagent.protocol.stun;

/**
 * FINGERPRINT (RFC 5389 §15.5): the CRC-32 of the message up to this attribute, XOR 0x5354554e;
 * it tells STUN apart from other protocols on the same port. The decoder checks it, so a decoded
 * one is always correct; to send one, let {@link StunEncoder} compute it.
 */
public record Fingerprint(long crc32) implements StunAttribute {
    /** @throws IllegalArgumentException if the value does not fit in 32 unsigned bits */
    public Fingerprint {
        if (crc32 < 0 || crc32 > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("FINGERPRINT is a 32-bit unsigned value, got " + crc32);
        }
    }

    @Override
    public int type() {
        return StunAttributeType.FINGERPRINT;
    }
}
