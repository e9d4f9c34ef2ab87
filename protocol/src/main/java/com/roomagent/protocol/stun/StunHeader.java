package com.roomagent.protocol.stun;

/** Constants of the 20-byte STUN header (RFC 5389 §6). */
final class StunHeader {
    static final int LENGTH = 20;
    static final int MAGIC_COOKIE = 0x2112A442;
    static final int LENGTH_FIELD_OFFSET = 2;
    static final int COOKIE_OFFSET = 4;
    static final int TRANSACTION_ID_OFFSET = 8;
    /** The message length field has 16 bits, so attributes take at most this many bytes. */
    static final int MAX_BODY_LENGTH = 0xFFFF;
    /** FINGERPRINT is the CRC-32 XOR this value, "STUN" in ASCII (RFC 5389 §15.5). */
    static final long FINGERPRINT_XOR = 0x5354554EL;

    private StunHeader() {}
}
