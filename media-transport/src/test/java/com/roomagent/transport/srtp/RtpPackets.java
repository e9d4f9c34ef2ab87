package com.roomagent.transport.srtp;

import java.util.Random;

/** Builds plain RTP and RTCP packets for the tests. */
final class RtpPackets {
    private RtpPackets() {}

    /** An RTP packet: version 2, payload type 96, no CSRC, no extension, with a seeded random payload. */
    static byte[] rtp(long ssrc, int sequence, int payloadLength) {
        byte[] packet = new byte[12 + payloadLength];
        packet[0] = (byte) 0x80;
        packet[1] = 96;
        packet[2] = (byte) (sequence >>> 8);
        packet[3] = (byte) sequence;
        long timestamp = sequence * 3000L;
        packet[4] = (byte) (timestamp >>> 24);
        packet[5] = (byte) (timestamp >>> 16);
        packet[6] = (byte) (timestamp >>> 8);
        packet[7] = (byte) timestamp;
        writeSsrc(packet, 8, ssrc);
        byte[] payload = new byte[payloadLength];
        new Random(sequence).nextBytes(payload);
        System.arraycopy(payload, 0, packet, 12, payloadLength);
        return packet;
    }

    /** A receiver report (RFC 3550 section 6.4.2) from {@code ssrc} with one report block. */
    static byte[] receiverReport(long ssrc, int fill) {
        byte[] packet = new byte[32];
        packet[0] = (byte) 0x81;
        packet[1] = (byte) 201;
        packet[3] = 7; // length in 32-bit words minus one
        writeSsrc(packet, 4, ssrc);
        for (int i = 8; i < packet.length; i++) {
            packet[i] = (byte) (fill + i);
        }
        return packet;
    }

    private static void writeSsrc(byte[] packet, int at, long ssrc) {
        packet[at] = (byte) (ssrc >>> 24);
        packet[at + 1] = (byte) (ssrc >>> 16);
        packet[at + 2] = (byte) (ssrc >>> 8);
        packet[at + 3] = (byte) ssrc;
    }
}
