package com.roomagent.protocol.stun;

/**
 * The 14-bit STUN message type, which interleaves the 12 method bits with the 2 class bits
 * (RFC 5389 §6, figure 3): M11..M7 C1 M6..M4 C0 M3..M0.
 */
final class MessageType {
    private MessageType() {}

    static int encode(StunClass messageClass, int method) {
        int c = messageClass.bits();
        return (method & 0x000F)
                | ((method & 0x0070) << 1)
                | ((method & 0x0F80) << 2)
                | ((c & 0b01) << 4)
                | ((c & 0b10) << 7);
    }

    static int method(int type) {
        return (type & 0x000F) | ((type >> 1) & 0x0070) | ((type >> 2) & 0x0F80);
    }

    static StunClass messageClass(int type) {
        return StunClass.ofBits(((type >> 4) & 0b01) | ((type >> 7) & 0b10));
    }
}
