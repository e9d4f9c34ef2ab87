package com.roomagent.protocol.stun;

/** PRIORITY (RFC 8445 §7.1.1): the priority a peer-reflexive candidate would get; 32 bits unsigned. */
public record Priority(long value) implements StunAttribute {
    /** @throws IllegalArgumentException if the value does not fit in 32 unsigned bits */
    public Priority {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("PRIORITY is a 32-bit unsigned integer, got " + value);
        }
    }

    @Override
    public int type() {
        return StunAttributeType.PRIORITY;
    }
}
