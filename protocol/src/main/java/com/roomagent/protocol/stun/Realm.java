package com.roomagent.protocol.stun;

/** REALM (RFC 5389 §15.7): names the long-term credential the server wants. */
public record Realm(String value) implements StunAttribute {
    /** @throws IllegalArgumentException if 128 characters or more, or over 763 bytes (§15.7) */
    public Realm {
        TextRules.requireShortText("REALM", value);
    }

    @Override
    public int type() {
        return StunAttributeType.REALM;
    }
}
