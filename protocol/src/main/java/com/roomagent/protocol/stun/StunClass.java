package com.roomagent.protocol.stun;

/** The class of a STUN message, the two C bits of the message type (RFC 5389 §6). */
public enum StunClass {
    /** 0b00: asks for a response. */
    REQUEST,
    /** 0b01: expects no response. */
    INDICATION,
    /** 0b10: the request succeeded. */
    SUCCESS_RESPONSE,
    /** 0b11: the request failed; carries an ERROR-CODE. */
    ERROR_RESPONSE;

    // values() copies its array on every call; the decoder asks once per message.
    private static final StunClass[] BY_BITS = values();

    /** The two class bits, C1 C0, as a number from 0 to 3; the declaration order matches. */
    int bits() {
        return ordinal();
    }

    static StunClass ofBits(int bits) {
        return BY_BITS[bits & 0b11];
    }
}
