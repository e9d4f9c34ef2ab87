package com.roomagent.av.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.roomagent.av.media.PacketRouter.Route;
import org.junit.jupiter.api.Test;

/** Incoming packets are routed by their clear-text header (RFC 7983, RFC 5761, RFC 3711 section 3.4). */
class PacketRouterTest {
    private static final SsrcPlan SSRCS = new SsrcPlan(1, 2, 0xCAFEBABEL, 0x00000777L);
    private final PacketRouter router = new PacketRouter(SSRCS);

    @Test
    void rtpIsRoutedByTheSsrcInBytesEightToEleven() {
        assertEquals(Route.VIDEO, router.route(rtp(96, 0xCAFEBABEL)));
        assertEquals(Route.AUDIO, router.route(rtp(111, 0x777L)));
    }

    @Test
    void rtpWithTheMarkerBitSetIsStillRtp() {
        assertEquals(Route.VIDEO, router.route(rtp(0x80 | 96, 0xCAFEBABEL)));
    }

    @Test
    void srtcpIsRoutedByTheSendersSsrcInItsClearHeader() {
        assertEquals(Route.VIDEO, router.route(rtcp(200, 0xCAFEBABEL))); // sender report
        assertEquals(Route.AUDIO, router.route(rtcp(201, 0x777L))); // receiver report
        assertEquals(Route.AUDIO, router.route(rtcp(206, 0x777L))); // payload-specific feedback (PLI)
    }

    @Test
    void anUnannouncedSsrcIsNotRouted() {
        assertEquals(Route.UNKNOWN_SSRC, router.route(rtp(96, 1)));
        assertEquals(Route.UNKNOWN_SSRC, router.route(rtcp(201, 12345)));
    }

    @Test
    void stunDtlsAndRuntsAreNotMedia() {
        byte[] stun = rtp(96, 0xCAFEBABEL);
        stun[0] = 0x00; // RFC 7983: 0..3 is STUN
        byte[] dtls = rtp(96, 0xCAFEBABEL);
        dtls[0] = 22; // 20..63 is DTLS
        assertEquals(Route.NOT_MEDIA, router.route(stun));
        assertEquals(Route.NOT_MEDIA, router.route(dtls));
        assertEquals(Route.NOT_MEDIA, router.route(new byte[] {(byte) 0x80, 96, 0, 1}));
        assertEquals(Route.NOT_MEDIA, router.route(new byte[] {(byte) 0x80, 96, 0, 1, 0, 0, 0, 0, 0, 0}));
    }

    private static byte[] rtp(int secondByte, long ssrc) {
        byte[] packet = new byte[12 + 20 + 10];
        packet[0] = (byte) 0x80;
        packet[1] = (byte) secondByte;
        putInt(packet, 8, ssrc);
        return packet;
    }

    private static byte[] rtcp(int packetType, long ssrc) {
        byte[] packet = new byte[8 + 20 + 14];
        packet[0] = (byte) 0x81;
        packet[1] = (byte) packetType;
        putInt(packet, 4, ssrc);
        return packet;
    }

    private static void putInt(byte[] bytes, int offset, long value) {
        bytes[offset] = (byte) (value >>> 24);
        bytes[offset + 1] = (byte) (value >>> 16);
        bytes[offset + 2] = (byte) (value >>> 8);
        bytes[offset + 3] = (byte) value;
    }
}
