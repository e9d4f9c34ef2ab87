package com.roomagent.protocol.stun;

/** NONCE (RFC 5389 §15.8): the server's opaque value for long-term credential requests. */
public record Nonce(String value) implements StunAttribute {
    /** @throws IllegalArgumentException if 128 characters or more, or over 763 bytes (§15.8) */
    public Nonce {
        TextRules.requireShortText("NONCE", value);
    }

    @Override
    public int type() {
        return StunAttributeType.NONCE;
    }
}
