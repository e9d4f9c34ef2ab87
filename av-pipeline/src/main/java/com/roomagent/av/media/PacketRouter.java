package com.roomagent.av.media;

/**
 * Tells which stream an incoming packet belongs to, from its clear-text header. Pure.
 *
 * <ul>
 *   <li>RFC 7983 section 7: a first byte of 128..191 is RTP or RTCP (STUN, DTLS, ZRTP and TURN
 *       channels have other first bytes; the media path handles those itself).
 *   <li>RFC 5761 section 4: with RTP and RTCP on one flow, a second byte of 192..223 (RTCP packet
 *       types 200..204 and the rest of that range) is RTCP; anything else is RTP.
 *   <li>The stream is found by SSRC: RTP carries it in bytes 8..11 (RFC 3550 section 5.1); SRTCP
 *       leaves the first RTCP header in the clear (RFC 3711 section 3.4), whose bytes 4..7 are
 *       the sender's SSRC (RFC 3550 section 6.4).
 * </ul>
 */
final class PacketRouter {
    /** Where a packet goes. */
    enum Route {
        VIDEO,
        AUDIO,
        /** RTP or RTCP from an SSRC that signaling did not announce. */
        UNKNOWN_SSRC,
        /** Not RTP or RTCP at all, or too short to be. */
        NOT_MEDIA
    }

    private static final int RTP_HEADER_LENGTH = 12;
    private static final int RTCP_HEADER_LENGTH = 8;

    private final long remoteVideoSsrc;
    private final long remoteAudioSsrc;

    PacketRouter(SsrcPlan ssrcs) {
        this.remoteVideoSsrc = ssrcs.remoteVideo();
        this.remoteAudioSsrc = ssrcs.remoteAudio();
    }

    Route route(byte[] packet) {
        if (packet.length < RTCP_HEADER_LENGTH) {
            return Route.NOT_MEDIA;
        }
        int first = packet[0] & 0xFF;
        if (first < 128 || first > 191) {
            return Route.NOT_MEDIA;
        }
        int second = packet[1] & 0xFF;
        long ssrc;
        if (second >= 192 && second <= 223) {
            ssrc = readUnsignedInt(packet, 4);
        } else if (packet.length >= RTP_HEADER_LENGTH) {
            ssrc = readUnsignedInt(packet, 8);
        } else {
            return Route.NOT_MEDIA;
        }
        if (ssrc == remoteVideoSsrc) {
            return Route.VIDEO;
        }
        if (ssrc == remoteAudioSsrc) {
            return Route.AUDIO;
        }
        return Route.UNKNOWN_SSRC;
    }

    private static long readUnsignedInt(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFFL) << 24)
                | ((bytes[offset + 1] & 0xFFL) << 16)
                | ((bytes[offset + 2] & 0xFFL) << 8)
                | (bytes[offset + 3] & 0xFFL);
    }
}
