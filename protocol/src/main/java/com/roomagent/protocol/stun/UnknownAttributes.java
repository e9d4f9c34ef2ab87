package com.roomagent.protocol.stun;

import java.util.List;

/**
 * UNKNOWN-ATTRIBUTES (RFC 5389 §15.9): in a 420 error response, the comprehension-required
 * attribute types the server did not understand.
 */
public record UnknownAttributes(List<Integer> types) implements StunAttribute {
    /** @throws IllegalArgumentException if a type does not fit in 16 bits */
    public UnknownAttributes {
        types = List.copyOf(types);
        for (int type : types) {
            if (type < 0 || type > 0xFFFF) {
                throw new IllegalArgumentException("an attribute type has 16 bits, got " + type);
            }
        }
        // 4 bytes of attribute header plus 2 per type must fit in a message's 16-bit length.
        if (types.size() > (0xFFFF - 4) / 2) {
            throw new IllegalArgumentException("too many types for one attribute: " + types.size());
        }
    }

    @Override
    public int type() {
        return StunAttributeType.UNKNOWN_ATTRIBUTES;
    }
}
