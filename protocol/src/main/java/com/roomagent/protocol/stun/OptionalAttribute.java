package com.roomagent.protocol.stun;

import java.util.Arrays;
import java.util.Objects;

/**
 * A comprehension-optional attribute (type 0x8000-0xFFFF) this codec does not model, kept as its
 * raw value so that callers can still read it and the message can be re-encoded unchanged
 * (RFC 5389 §15: an agent may ignore such attributes, but need not drop them).
 */
public record OptionalAttribute(int type, byte[] value) implements StunAttribute {
    /** The largest value that fits in a message: its 16-bit length less the attribute header. */
    public static final int MAX_VALUE_LENGTH = 0xFFFF - 4;

    /**
     * @throws IllegalArgumentException if the type is comprehension-required, is one this codec
     *     models (use its record instead), or the value is too long for a message; the value is
     *     copied
     */
    public OptionalAttribute {
        Objects.requireNonNull(value, "value");
        if (type < 0x8000 || type > 0xFFFF) {
            throw new IllegalArgumentException(
                    "an optional attribute has a type from 0x8000 to 0xFFFF, got " + StunAttributeType.hex(type));
        }
        if (StunAttributeType.isKnown(type)) {
            throw new IllegalArgumentException(
                    "attribute " + StunAttributeType.hex(type) + " has its own record; use it instead");
        }
        if (value.length > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("attribute value of " + value.length + " bytes cannot fit in a message");
        }
        value = value.clone();
    }

    /** Returns a copy of the value, without padding. */
    @Override
    public byte[] value() {
        return value.clone();
    }

    int valueLength() {
        return value.length;
    }

    void writeValueTo(WireWriter writer) {
        writer.bytes(value, 0, value.length);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof OptionalAttribute)) {
            return false;
        }
        OptionalAttribute that = (OptionalAttribute) other;
        return type == that.type && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "OptionalAttribute[type=" + StunAttributeType.hex(type) + ", value=" + Hex.encode(value) + "]";
    }
}
