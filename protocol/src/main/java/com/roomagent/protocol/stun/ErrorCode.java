package com.roomagent.protocol.stun;

/**
 * ERROR-CODE (RFC 5389 §15.6): a numeric code from 300 to 699 and a reason phrase for people.
 * The codes this agent meets: 300 Try Alternate, 400 Bad Request, 401 Unauthorized, 420 Unknown
 * Attribute, 438 Stale Nonce, 487 Role Conflict (RFC 8445), 500 Server Error.
 */
public record ErrorCode(int code, String reason) implements StunAttribute {
    /** 420 Unknown Attribute, answered with UNKNOWN-ATTRIBUTES (RFC 5389 §7.3.1). */
    public static final int UNKNOWN_ATTRIBUTE = 420;

    /**
     * @throws IllegalArgumentException if the code is outside 300..699 (the class, its hundreds
     *     digit, must be 3 to 6) or the reason is 128 characters or more, or over 763 bytes
     */
    public ErrorCode {
        if (code < 300 || code > 699) {
            throw new IllegalArgumentException("ERROR-CODE must be from 300 to 699 (RFC 5389 §15.6), got " + code);
        }
        TextRules.requireShortText("ERROR-CODE reason", reason);
    }

    @Override
    public int type() {
        return StunAttributeType.ERROR_CODE;
    }
}
