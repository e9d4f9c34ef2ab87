package com.roomagent.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PacketKindTest {

    @Test
    void classifiesEveryFirstByteAsRfc7983Section7Says() {
        for (int first = 0; first < 256; first++) {
            PacketKind expected;
            if (first <= 3) {
                expected = PacketKind.STUN;
            } else if (first >= 20 && first <= 63) {
                expected = PacketKind.DTLS;
            } else if (first >= 128 && first <= 191) {
                expected = PacketKind.SRTP;
            } else {
                expected = PacketKind.UNKNOWN;
            }
            assertEquals(expected, PacketKind.of(new byte[] {(byte) first, 0}), "first byte " + first);
        }
    }

    @Test
    void anEmptyPacketIsUnknown() {
        assertEquals(PacketKind.UNKNOWN, PacketKind.of(new byte[0]));
    }
}
