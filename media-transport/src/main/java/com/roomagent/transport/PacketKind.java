package com.roomagent.transport;

/**
 * What a packet on a media channel is, told from its first byte as RFC 7983 section 7 says, so
 * that STUN, DTLS and SRTP can share one 5-tuple.
 */
public enum PacketKind {
    /** First byte 0..3. */
    STUN,
    /** First byte 20..63. */
    DTLS,
    /** First byte 128..191: RTP or RTCP, protected with SRTP on a media channel. */
    SRTP,
    /** Anything else, including an empty packet: dropped by receivers. */
    UNKNOWN;

    /** Classifies {@code packet} by its first byte. */
    public static PacketKind of(byte[] packet) {
        if (packet.length == 0) {
            return UNKNOWN;
        }
        int first = packet[0] & 0xFF;
        if (first <= 3) {
            return STUN;
        }
        if (first >= 20 && first <= 63) {
            return DTLS;
        }
        if (first >= 128 && first <= 191) {
            return SRTP;
        }
        return UNKNOWN;
    }
}
