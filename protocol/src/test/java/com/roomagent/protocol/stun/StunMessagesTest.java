package com.roomagent.protocol.stun;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Demultiplexing by first byte and magic cookie (RFC 7983 §7, RFC 5389 §6). */
class StunMessagesTest {
    private static final byte[] REQUEST = TestVectors.load(TestVectors.RFC5769_SAMPLE_REQUEST);

    @Test
    void stunMessagesLookLikeStun() {
        assertTrue(StunMessages.looksLikeStun(REQUEST, 0, REQUEST.length));
        byte[] response = TestVectors.load(TestVectors.RFC5769_IPV6_RESPONSE);
        assertTrue(StunMessages.looksLikeStun(response, 0, response.length));
    }

    @Test
    void rtpDtlsAndShortPacketsDoNotLookLikeStun() {
        byte[] rtp = REQUEST.clone();
        rtp[0] = (byte) 0x80;
        byte[] dtls = REQUEST.clone();
        dtls[0] = 22;

        assertFalse(StunMessages.looksLikeStun(rtp, 0, rtp.length));
        assertFalse(StunMessages.looksLikeStun(dtls, 0, dtls.length));
        assertFalse(StunMessages.looksLikeStun(REQUEST, 0, 19));
    }

    @Test
    void wrongMagicCookieDoesNotLookLikeStun() {
        byte[] classic = REQUEST.clone();
        classic[4] = 0x00; // an RFC 3489 message has a random ID where the cookie would be

        assertFalse(StunMessages.looksLikeStun(classic, 0, classic.length));
    }

    @Test
    void packetIsJudgedAtItsOffset() {
        byte[] buffer = new byte[REQUEST.length + 8];
        Arrays.fill(buffer, (byte) 0xFF);
        System.arraycopy(REQUEST, 0, buffer, 8, REQUEST.length);

        assertTrue(StunMessages.looksLikeStun(buffer, 8, REQUEST.length));
        assertFalse(StunMessages.looksLikeStun(buffer, 0, REQUEST.length));
    }
}
