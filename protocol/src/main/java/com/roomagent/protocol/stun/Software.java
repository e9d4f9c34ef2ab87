package com.roomagent.protocol.stun;

/** SOFTWARE (RFC 5389 §15.10): the name and version of the sender's software, for diagnostics. */
public record Software(String value) implements StunAttribute {
    /** @throws IllegalArgumentException if 128 characters or more, or over 763 bytes (§15.10) */
    public Software {
        TextRules.requireShortText("SOFTWARE", value);
    }

    @Override
    public int type() {
        return StunAttributeType.SOFTWARE;
    }
}
