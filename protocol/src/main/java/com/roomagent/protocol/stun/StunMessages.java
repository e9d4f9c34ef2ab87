package com.roomagent.protocol.stun;

import java.util.Objects;

/** Cheap checks on packets that may or may not be STUN, for demultiplexing a shared port. */
public final class StunMessages {
    private StunMessages() {}

    /**
     * Whether the packet could be STUN: at least a 20-byte header, a first byte from 0 to 3
     * (RFC 7983 §7, which tells STUN from DTLS, RTP/RTCP and TURN channels sharing a port), and
     * the magic cookie (RFC 5389 §6). A true answer is a hint; decoding decides.
     *
     * @throws IndexOutOfBoundsException if the range is not inside {@code data}
     */
    public static boolean looksLikeStun(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        return length >= StunHeader.LENGTH
                && (data[offset] & 0xFF) <= 3
                && WireReader.u32(data, offset + StunHeader.COOKIE_OFFSET) == StunHeader.MAGIC_COOKIE;
    }
}
