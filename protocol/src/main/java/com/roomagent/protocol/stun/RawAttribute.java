package com.roomagent.protocol.stun;

/**
 * Where one attribute sits in a message: its type, the position of its 4-byte header counted
 * from the first byte of the STUN header, and its value length without padding.
 */
record RawAttribute(int type, int position, int valueLength) {
    int valuePosition() {
        return position + 4;
    }

    /** Names the attribute for error messages: {@code attribute 0x8028 at byte 92}. */
    String describe() {
        return "attribute " + StunAttributeType.hex(type) + " at byte " + position;
    }
}
