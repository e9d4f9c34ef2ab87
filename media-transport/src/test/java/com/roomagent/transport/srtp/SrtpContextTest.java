package com.roomagent.transport.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.transport.srtp.SrtpException.Reason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Protect and unprotect of SRTP and SRTCP between two contexts: what is accepted and what is refused. */
class SrtpContextTest {
    private static final long SSRC = 0x1234_5678L;
    private final SrtpMasterKey key = randomKey(1);
    private final SrtpContext sender = SrtpContext.sending(key, SSRC);
    private final SrtpContext receiver = SrtpContext.receiving(key, SSRC);

    static SrtpMasterKey randomKey(long seed) {
        byte[] both = new byte[30];
        new Random(seed).nextBytes(both);
        return SrtpMasterKey.fromKeyThenSalt(both);
    }

    @Test
    void aProtectedPacketKeepsItsHeaderHidesItsPayloadAndUnprotectsToTheOriginal() throws SrtpException {
        byte[] rtp = RtpPackets.rtp(SSRC, 1000, 1200);

        byte[] srtp = sender.protectRtp(rtp);

        assertEquals(rtp.length + 10, srtp.length);
        assertArrayEquals(Arrays.copyOf(rtp, 12), Arrays.copyOf(srtp, 12));
        assertFalse(Arrays.equals(Arrays.copyOfRange(rtp, 12, rtp.length), Arrays.copyOfRange(srtp, 12, rtp.length)));
        assertArrayEquals(rtp, receiver.unprotectRtp(srtp));
    }

    @Test
    void csrcsAndAHeaderExtensionStayInTheClearAndAreAuthenticated() throws SrtpException {
        byte[] body = RtpPackets.rtp(SSRC, 7, 40);
        // Two CSRCs and a one-word extension (RFC 3550 section 5.3.1) between header and payload.
        byte[] rtp = new byte[body.length + 8 + 8];
        System.arraycopy(body, 0, rtp, 0, 12);
        rtp[0] = (byte) (0x80 | 0x10 | 2);
        rtp[12] = 1;
        rtp[16] = 2;
        rtp[20] = (byte) 0xBE;
        rtp[21] = (byte) 0xDE;
        rtp[23] = 1;
        rtp[24] = 0x42;
        System.arraycopy(body, 12, rtp, 28, 40);

        byte[] srtp = sender.protectRtp(rtp);

        assertArrayEquals(Arrays.copyOf(rtp, 28), Arrays.copyOf(srtp, 28));
        byte[] altered = srtp.clone();
        altered[24] ^= 1;
        assertEquals(Reason.AUTHENTICATION_FAILED, refusal(() -> receiver.unprotectRtp(altered)));
        assertArrayEquals(rtp, receiver.unprotectRtp(srtp));
    }

    @Test
    void aPacketWithOneFlippedBitIsRefusedAsNotAuthenticAndCounted() throws SrtpException {
        byte[] srtp = sender.protectRtp(RtpPackets.rtp(SSRC, 1, 100));
        srtp[50] ^= 0x01;

        assertEquals(Reason.AUTHENTICATION_FAILED, refusal(() -> receiver.unprotectRtp(srtp)));
        assertEquals(1, receiver.statistics().refused(Reason.AUTHENTICATION_FAILED));
        assertEquals(0, receiver.statistics().rtpPackets());
    }

    @Test
    void aPacketProtectedWithAnotherKeyIsRefusedAsNotAuthentic() throws SrtpException {
        byte[] srtp = SrtpContext.sending(randomKey(2), SSRC).protectRtp(RtpPackets.rtp(SSRC, 1, 100));

        assertEquals(Reason.AUTHENTICATION_FAILED, refusal(() -> receiver.unprotectRtp(srtp)));
    }

    @Test
    void theSamePacketTwiceIsRefusedTheSecondTimeAsAReplay() throws SrtpException {
        byte[] srtp = sender.protectRtp(RtpPackets.rtp(SSRC, 5, 100));
        receiver.unprotectRtp(srtp);

        SrtpException e = assertThrows(SrtpException.class, () -> receiver.unprotectRtp(srtp));

        assertEquals(Reason.REPLAYED, e.reason());
        assertTrue(e.getMessage().contains("SRTP index 5"), e.getMessage());
        assertEquals(1, receiver.statistics().rtpPackets());
        assertEquals(1, receiver.statistics().refused(Reason.REPLAYED));
    }

    @Test
    void reorderedPacketsInsideTheWindowAreAcceptedAndOnesBehindItAreRefusedAsTooOld() throws SrtpException {
        List<byte[]> protectedPackets = new ArrayList<>();
        for (int sequence = 0; sequence <= 200; sequence++) {
            protectedPackets.add(sender.protectRtp(RtpPackets.rtp(SSRC, sequence, 20)));
        }
        receiver.unprotectRtp(protectedPackets.get(200));

        // 100 behind the newest: inside a 128-packet window, late but new.
        assertArrayEquals(RtpPackets.rtp(SSRC, 100, 20), receiver.unprotectRtp(protectedPackets.get(100)));
        assertEquals(Reason.TOO_OLD, refusal(() -> receiver.unprotectRtp(protectedPackets.get(50))));
        assertEquals(Reason.REPLAYED, refusal(() -> receiver.unprotectRtp(protectedPackets.get(100))));
    }

    @Test
    void aForgedPacketFarAheadDoesNotMoveTheWindow() throws SrtpException {
        receiver.unprotectRtp(sender.protectRtp(RtpPackets.rtp(SSRC, 10, 20)));
        byte[] forged = sender.protectRtp(RtpPackets.rtp(SSRC, 5000, 20));
        forged[forged.length - 1] ^= 1;

        assertEquals(Reason.AUTHENTICATION_FAILED, refusal(() -> receiver.unprotectRtp(forged)));
        // Had the forged packet moved the window, sequence 11 would be too old.
        receiver.unprotectRtp(sender.protectRtp(RtpPackets.rtp(SSRC, 11, 20)));
    }

    @Test
    void theSequenceNumberWrapIncrementsTheRolloverCounterOnBothSides() throws SrtpException {
        List<byte[]> protectedPackets = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            protectedPackets.add(sender.protectRtp(RtpPackets.rtp(SSRC, (65530 + i) & 0xFFFF, 30)));
        }
        assertEquals(1, sender.rolloverCounter());

        // Delivered with some reordering across the wrap: 65534 after 1.
        int[] order = {0, 1, 2, 3, 5, 6, 7, 4, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19};
        for (int i : order) {
            int sequence = (65530 + i) & 0xFFFF;
            assertArrayEquals(
                    RtpPackets.rtp(SSRC, sequence, 30),
                    receiver.unprotectRtp(protectedPackets.get(i)),
                    "sequence " + sequence);
        }
        assertEquals(1, receiver.rolloverCounter());
    }

    @Test
    void aPacketShorterThanHeaderAndTagIsRefusedAsTooShort() {
        byte[] packet = Arrays.copyOf(RtpPackets.rtp(SSRC, 1, 0), 21);

        SrtpException e = assertThrows(SrtpException.class, () -> receiver.unprotectRtp(packet));

        assertEquals(Reason.TOO_SHORT, e.reason());
        assertTrue(e.getMessage().contains("21 bytes"), e.getMessage());
        assertEquals(Reason.TOO_SHORT, refusal(() -> receiver.unprotectRtp(new byte[0])));
        assertEquals(Reason.TOO_SHORT, refusal(() -> sender.protectRtp(new byte[11])));
    }

    @Test
    void aHeaderExtensionLongerThanThePacketIsRefusedAsTooShort() {
        byte[] packet = RtpPackets.rtp(SSRC, 1, 20);
        packet[0] |= 0x10;
        packet[14] = (byte) 0xFF; // 65280 words of extension
        packet[15] = 0;

        assertEquals(Reason.TOO_SHORT, refusal(() -> receiver.unprotectRtp(packet)));
    }

    @Test
    void aPacketOfAnotherSsrcOrVersionIsRefusedByName() throws SrtpException {
        byte[] other = SrtpContext.sending(key, 99).protectRtp(RtpPackets.rtp(99, 1, 20));
        byte[] version1 = sender.protectRtp(RtpPackets.rtp(SSRC, 2, 20));
        version1[0] = 0x40;

        assertEquals(Reason.WRONG_SSRC, refusal(() -> receiver.unprotectRtp(other)));
        assertEquals(Reason.NOT_VERSION_2, refusal(() -> receiver.unprotectRtp(version1)));
    }

    @Test
    void aContextWorksInOneDirectionOnly() {
        assertThrows(IllegalStateException.class, () -> receiver.protectRtp(RtpPackets.rtp(SSRC, 1, 20)));
        assertThrows(IllegalStateException.class, () -> sender.unprotectRtcp(new byte[40]));
    }

    @Test
    void srtcpCarriesTheEFlagAndAnIndexFromZeroAndUnprotectsToTheOriginal() throws SrtpException {
        byte[] first = RtpPackets.receiverReport(SSRC, 1);
        byte[] second = RtpPackets.receiverReport(SSRC, 2);

        byte[] srtcp0 = sender.protectRtcp(first);
        byte[] srtcp1 = sender.protectRtcp(second);

        assertEquals(first.length + 14, srtcp0.length);
        assertEquals("80000000", HexFormat.of().formatHex(srtcp0, first.length, first.length + 4));
        assertEquals("80000001", HexFormat.of().formatHex(srtcp1, second.length, second.length + 4));
        assertArrayEquals(Arrays.copyOf(first, 8), Arrays.copyOf(srtcp0, 8));
        assertArrayEquals(second, receiver.unprotectRtcp(srtcp1));
        assertArrayEquals(first, receiver.unprotectRtcp(srtcp0));
        assertEquals(2, receiver.statistics().rtcpPackets());
    }

    @Test
    void srtcpIsRefusedWhenAlteredReplayedOrTooShort() throws SrtpException {
        byte[] srtcp = sender.protectRtcp(RtpPackets.receiverReport(SSRC, 1));
        byte[] altered = srtcp.clone();
        altered[12] ^= 1;
        byte[] clearedEFlag = srtcp.clone();
        clearedEFlag[32] &= 0x7F;

        assertEquals(Reason.AUTHENTICATION_FAILED, refusal(() -> receiver.unprotectRtcp(altered)));
        assertEquals(Reason.AUTHENTICATION_FAILED, refusal(() -> receiver.unprotectRtcp(clearedEFlag)));
        receiver.unprotectRtcp(srtcp);
        assertEquals(Reason.REPLAYED, refusal(() -> receiver.unprotectRtcp(srtcp)));
        assertEquals(Reason.TOO_SHORT, refusal(() -> receiver.unprotectRtcp(Arrays.copyOf(srtcp, 21))));
        assertEquals(4, receiver.statistics().refusedPackets());
    }

    @Test
    void theSrtcpIndexIsRefusedOnceExhausted() throws SrtpException {
        sender.nextRtcpIndex(SrtpContext.MAX_SRTCP_INDEX);
        sender.protectRtcp(RtpPackets.receiverReport(SSRC, 1));

        assertEquals(Reason.INDEX_EXHAUSTED, refusal(() -> sender.protectRtcp(RtpPackets.receiverReport(SSRC, 1))));
    }

    @Test
    void theMasterKeyNeverPrintsItsBytes() {
        String text = key.toString() + " " + new SrtpException(Reason.REPLAYED, "x").getMessage();

        assertFalse(text.contains(HexFormat.of().formatHex(key.key())));
        assertTrue(text.contains("redacted"));
    }

    interface Action {
        void run() throws SrtpException;
    }

    private static Reason refusal(Action action) {
        return assertThrows(SrtpException.class, action::run).reason();
    }
}
