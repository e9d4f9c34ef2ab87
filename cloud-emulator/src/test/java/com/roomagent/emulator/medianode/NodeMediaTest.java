package com.roomagent.emulator.medianode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.stun.ErrorCode;
import com.roomagent.protocol.stun.StunClass;
import com.roomagent.protocol.stun.StunDecoder;
import com.roomagent.protocol.stun.StunEncoder;
import com.roomagent.protocol.stun.StunIntegrity;
import com.roomagent.protocol.stun.StunMessage;
import com.roomagent.protocol.stun.TransactionId;
import com.roomagent.protocol.stun.Username;
import com.roomagent.protocol.stun.XorMappedAddress;
import com.roomagent.transport.stun.ShortTermCredentials;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The node's STUN authentication rules (RFC 5389 section 10.1.2), without sockets. */
class NodeMediaTest {
    private static final InetSocketAddress DEVICE = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000);
    private static final ShortTermCredentials ALICE = new ShortTermCredentials("alice-user", "alice-password");

    private final NodeMedia media = new NodeMedia("test-node", Clock.systemUTC());

    @AfterEach
    void close() {
        media.close();
    }

    @Test
    void aValidCheckIsAnsweredWithIntegrityUnderTheParticipantsPasswordAndTheirAddress() throws Exception {
        MediaAdmission admission = media.admit("m1", "alice", ALICE);
        NodeMedia.StunReply reply = media.authenticate(request(ALICE.username(), ALICE.key()), DEVICE)
                .orElseThrow();
        StunMessage response = StunDecoder.decode(reply.response());
        assertEquals(StunClass.SUCCESS_RESPONSE, response.messageClass());
        assertTrue(StunIntegrity.verify(reply.response(), ALICE.key()));
        assertEquals(
                DEVICE, response.attribute(XorMappedAddress.class).orElseThrow().address());
        assertEquals(Optional.of(admission), reply.admitted());
    }

    @Test
    void aWrongPasswordIsRefusedWith401AndBindsNothing() throws Exception {
        media.admit("m1", "alice", ALICE);
        NodeMedia.StunReply reply = media.authenticate(
                        request(ALICE.username(), new ShortTermCredentials("x", "wrong").key()), DEVICE)
                .orElseThrow();
        assertEquals(401, errorCode(reply.response()));
        assertFalse(StunIntegrity.verify(reply.response(), ALICE.key()), "no integrity on a 401");
        assertTrue(reply.admitted().isEmpty());
    }

    @Test
    void anUnknownUsernameIsRefusedWith401() throws Exception {
        NodeMedia.StunReply reply =
                media.authenticate(request("nobody", ALICE.key()), DEVICE).orElseThrow();
        assertEquals(401, errorCode(reply.response()));
        assertTrue(reply.admitted().isEmpty());
    }

    @Test
    void aUsernameWithoutMessageIntegrityIsABadRequest() throws Exception {
        media.admit("m1", "alice", ALICE);
        NodeMedia.StunReply reply =
                media.authenticate(request(ALICE.username(), null), DEVICE).orElseThrow();
        assertEquals(400, errorCode(reply.response()));
    }

    @Test
    void aDiscoveryProbeWithoutUsernameIsLeftToTheDiscoveryResponder() {
        byte[] probe = StunEncoder.encode(StunMessage.bindingRequest(TransactionId.random()), null, true);
        assertTrue(media.authenticate(probe, DEVICE).isEmpty());
    }

    @Test
    void theCutHookIsPerTransportAndReversible() {
        media.cut(MediaTransport.UDP, true);
        assertTrue(media.isCut(MediaTransport.UDP));
        assertFalse(media.isCut(MediaTransport.TCP));
        media.cut(MediaTransport.UDP, false);
        assertFalse(media.isCut(MediaTransport.UDP));
    }

    private static byte[] request(String username, byte[] keyOrNull) {
        return StunEncoder.encode(
                StunMessage.bindingRequest(TransactionId.random(), new Username(username)), keyOrNull, true);
    }

    private static int errorCode(byte[] response) throws Exception {
        StunMessage message = StunDecoder.decode(response);
        assertEquals(StunClass.ERROR_RESPONSE, message.messageClass());
        return message.attribute(ErrorCode.class).orElseThrow().code();
    }
}
