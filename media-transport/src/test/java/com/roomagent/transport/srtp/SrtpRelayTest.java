package com.roomagent.transport.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.transport.srtp.SrtpException.Reason;
import com.roomagent.transport.srtp.SrtpRelay.Forward;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Three participants, each keyed separately with the node: what one sends, each other receives
 * protected under its own key, and nothing unauthentic is forwarded.
 */
class SrtpRelayTest {
    private static final long ALICE_SSRC = 0xA11CEL;
    private static final long BOB_SSRC = 0xB0BL;

    private final SrtpRelay relay = new SrtpRelay();
    private final Party alice = new Party("alice", 10);
    private final Party bob = new Party("bob", 20);
    private final Party carol = new Party("carol", 30);

    /** One participant's side: its keys with the node, as its DTLS handshake would give them. */
    private final class Party {
        final String id;
        final SrtpMasterKey toNode;
        final SrtpMasterKey fromNode;

        Party(String id, long seed) {
            this.id = id;
            this.toNode = SrtpContextTest.randomKey(seed);
            this.fromNode = SrtpContextTest.randomKey(seed + 1);
            relay.join(id, toNode, fromNode);
        }

        SrtpContext sender(long ssrc) {
            return SrtpContext.sending(toNode, ssrc);
        }

        SrtpContext receiver(long ssrc) {
            return SrtpContext.receiving(fromNode, ssrc);
        }
    }

    @Test
    void aPacketFromOneParticipantReachesEveryOtherUnderItsOwnKey() throws SrtpException {
        byte[] rtp = RtpPackets.rtp(ALICE_SSRC, 100, 1200);

        List<Forward> forwards =
                relay.relayRtp(alice.id, alice.sender(ALICE_SSRC).protectRtp(rtp));

        assertEquals(
                List.of("bob", "carol"),
                forwards.stream().map(Forward::participantId).toList());
        assertArrayEquals(
                rtp, bob.receiver(ALICE_SSRC).unprotectRtp(forwards.get(0).packet()));
        assertArrayEquals(
                rtp, carol.receiver(ALICE_SSRC).unprotectRtp(forwards.get(1).packet()));
        SrtpException wrongKey = assertThrows(
                SrtpException.class,
                () -> carol.receiver(ALICE_SSRC).unprotectRtp(forwards.get(0).packet()));
        assertEquals(Reason.AUTHENTICATION_FAILED, wrongKey.reason(), "bob's copy is not readable with carol's key");
    }

    @Test
    void aStreamKeepsItsOrderAndRolloverThroughTheRelay() throws SrtpException {
        SrtpContext aliceSends = alice.sender(ALICE_SSRC);
        SrtpContext bobReceives = bob.receiver(ALICE_SSRC);
        for (int i = 0; i < 300; i++) {
            int sequence = (65_400 + i) & 0xFFFF;
            byte[] rtp = RtpPackets.rtp(ALICE_SSRC, sequence, 100);
            List<Forward> forwards = relay.relayRtp(alice.id, aliceSends.protectRtp(rtp));
            assertArrayEquals(rtp, bobReceives.unprotectRtp(forwards.get(0).packet()), "sequence " + sequence);
        }
        assertEquals(1, bobReceives.rolloverCounter());
    }

    @Test
    void rtcpIsRelayedToEveryOtherParticipantUnderItsOwnKey() throws SrtpException {
        byte[] report = RtpPackets.receiverReport(BOB_SSRC, 3);

        List<Forward> forwards = relay.relayRtcp(bob.id, bob.sender(BOB_SSRC).protectRtcp(report));

        assertEquals(
                List.of("alice", "carol"),
                forwards.stream().map(Forward::participantId).toList());
        assertArrayEquals(
                report, alice.receiver(BOB_SSRC).unprotectRtcp(forwards.get(0).packet()));
        assertArrayEquals(
                report, carol.receiver(BOB_SSRC).unprotectRtcp(forwards.get(1).packet()));
    }

    @Test
    void anAlteredOrReplayedPacketIsRefusedForwardedToNoOneAndCounted() throws SrtpException {
        SrtpContext aliceSends = alice.sender(ALICE_SSRC);
        byte[] first = aliceSends.protectRtp(RtpPackets.rtp(ALICE_SSRC, 1, 50));
        relay.relayRtp(alice.id, first);
        byte[] altered = aliceSends.protectRtp(RtpPackets.rtp(ALICE_SSRC, 2, 50));
        altered[20] ^= 1;

        assertEquals(Reason.AUTHENTICATION_FAILED, refusal(() -> relay.relayRtp(alice.id, altered)));
        assertEquals(Reason.REPLAYED, refusal(() -> relay.relayRtp(alice.id, first)));
        assertEquals(1L, relay.refused().get(Reason.AUTHENTICATION_FAILED));
        assertEquals(1L, relay.refused().get(Reason.REPLAYED));
        assertEquals(
                1, relay.receivingStatistics(alice.id, ALICE_SSRC).orElseThrow().rtpPackets());
    }

    @Test
    void packetsWithUnknownSsrcsThatDoNotAuthenticateLeaveNoState() throws SrtpException {
        for (long ssrc = 1; ssrc <= 50; ssrc++) {
            byte[] forged =
                    SrtpContext.sending(SrtpContextTest.randomKey(99), ssrc).protectRtp(RtpPackets.rtp(ssrc, 1, 20));
            assertEquals(Reason.AUTHENTICATION_FAILED, refusal(() -> relay.relayRtp(alice.id, forged)));
        }

        assertTrue(relay.receivingStatistics(alice.id, 1).isEmpty());
        // Her genuine SSRCs are still welcome: the forged ones used none of her 8.
        for (long ssrc = 100; ssrc < 100 + SrtpRelay.MAX_SSRCS_PER_PARTICIPANT; ssrc++) {
            relay.relayRtp(alice.id, alice.sender(ssrc).protectRtp(RtpPackets.rtp(ssrc, 1, 20)));
        }
        assertEquals(
                Reason.WRONG_SSRC,
                refusal(() -> relay.relayRtp(alice.id, alice.sender(999).protectRtp(RtpPackets.rtp(999, 1, 20)))));
    }

    @Test
    void anSsrcAlreadyUsedByAnotherParticipantIsRefused() throws SrtpException {
        relay.relayRtp(alice.id, alice.sender(ALICE_SSRC).protectRtp(RtpPackets.rtp(ALICE_SSRC, 1, 20)));

        SrtpException e = assertThrows(
                SrtpException.class,
                () -> relay.relayRtp(bob.id, bob.sender(ALICE_SSRC).protectRtp(RtpPackets.rtp(ALICE_SSRC, 1, 20))));

        assertEquals(Reason.WRONG_SSRC, e.reason());
        assertTrue(e.getMessage().contains("already belongs to alice"), e.getMessage());
    }

    @Test
    void aParticipantWhoLeftReceivesNothingAndFreesItsSsrcs() throws SrtpException {
        relay.relayRtp(alice.id, alice.sender(ALICE_SSRC).protectRtp(RtpPackets.rtp(ALICE_SSRC, 1, 20)));
        relay.leave(carol.id);
        relay.leave(alice.id);

        List<Forward> forwards =
                relay.relayRtp(bob.id, bob.sender(ALICE_SSRC).protectRtp(RtpPackets.rtp(ALICE_SSRC, 1, 20)));

        assertEquals(List.of(), forwards, "bob is alone now");
        assertThrows(IllegalArgumentException.class, () -> relay.relayRtp(alice.id, new byte[40]));
    }

    @Test
    void aTruncatedPacketIsRefusedAsTooShort() {
        assertEquals(Reason.TOO_SHORT, refusal(() -> relay.relayRtp(alice.id, new byte[5])));
        assertEquals(Reason.TOO_SHORT, refusal(() -> relay.relayRtcp(alice.id, new byte[5])));
    }

    interface Action {
        void run() throws SrtpException;
    }

    private static Reason refusal(Action action) {
        return assertThrows(SrtpException.class, action::run).reason();
    }
}
