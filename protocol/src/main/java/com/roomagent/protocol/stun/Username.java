package com.roomagent.protocol.stun;

/** USERNAME (RFC 5389 §15.3): the user and password combination of the message's credentials. */
public record Username(String value) implements StunAttribute {
    /** @throws IllegalArgumentException if the UTF-8 value has 513 bytes or more (RFC 5389 §15.3) */
    public Username {
        TextRules.requireUsername(value);
    }

    @Override
    public int type() {
        return StunAttributeType.USERNAME;
    }
}
