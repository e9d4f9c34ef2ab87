package com.roomagent.emulator.medianode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.emulator.CaTrust;
import com.roomagent.emulator.CloudEmulator;
import com.roomagent.emulator.config.EmulatorConfig;
import com.roomagent.emulator.config.NodeConfig;
import com.roomagent.emulator.config.TransportMode;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.transport.dtls.DtlsCertificate;
import com.roomagent.transport.dtls.DtlsHandshakeException;
import com.roomagent.transport.srtp.SrtpException;
import com.roomagent.transport.stun.ShortTermCredentials;
import com.roomagent.transport.stun.StunTransactionException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two participants of one meeting on one emulated media node, over loopback: STUN with short-term
 * credentials, DTLS with the announced fingerprint, SRTP relayed and re-protected. Every wait is
 * bounded and generous; nothing asserts how fast.
 */
class MediaNodeRelayTest {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final int MAX_ATTEMPTS = 50;
    private static final Duration SILENCE = Duration.ofMillis(600);

    @TempDir
    static Path stateDir;

    private static CloudEmulator emulator;
    private static SSLContext trustingCa;

    @BeforeAll
    static void start() throws Exception {
        emulator = CloudEmulator.start(
                EmulatorConfig.loopback(
                        NodeConfig.loopback("serving").build(),
                        only("udp-only", MediaTransport.UDP),
                        only("tcp-only", MediaTransport.TCP),
                        only("tls-only", MediaTransport.TLS)),
                stateDir);
        trustingCa = CaTrust.trusting(emulator.caCertificate());
    }

    /** A node that serves {@code transport} and silently drops the others, as a firewall would. */
    private static NodeConfig only(String id, MediaTransport transport) {
        NodeConfig.Builder builder = NodeConfig.loopback(id);
        for (MediaTransport other : MediaTransport.values()) {
            if (other != transport) {
                builder.mode(other, TransportMode.DROP);
            }
        }
        return builder.build();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @ParameterizedTest
    @EnumSource(
            value = MediaTransport.class,
            names = {"UDP", "TCP", "TLS"})
    void eachParticipantReceivesTheOthersSrtpReprotectedWithItsOwnKeys(MediaTransport transport) throws Exception {
        String node = transport.id() + "-only";
        String meeting = meeting();
        ShortTermCredentials aliceCredentials = credentials();
        ShortTermCredentials bobCredentials = credentials();
        MediaAdmission alice = emulator.mediaNodes().admit(node, meeting, "alice", aliceCredentials);
        MediaAdmission bob = emulator.mediaNodes().admit(node, meeting, "bob", bobCredentials);
        assertEquals(alice.fingerprint(), bob.fingerprint(), "one node, one certificate");
        try (FakeParticipant a = joined(alice, aliceCredentials, transport, 0x1111L, 0);
                FakeParticipant b = joined(bob, bobCredentials, transport, 0x2222L, 0)) {
            assertRelayed(a, b, "alice to bob over " + transport.id());
            assertRelayed(b, a, "bob to alice over " + transport.id());
        }
    }

    @Test
    void admissionAnnouncesTheFingerprintAndEveryServedTransport() {
        MediaAdmission admission = emulator.mediaNodes().admit("serving", meeting(), "carol", credentials());
        assertTrue(admission.fingerprint().startsWith("sha-256 "), admission.fingerprint());
        assertEquals(
                emulator.nodeList().nodes().stream()
                        .filter(n -> n.id().equals("serving"))
                        .findFirst()
                        .orElseThrow()
                        .ports()
                        .size(),
                admission.candidates().size());
    }

    @Test
    void aCheckWithAWrongPasswordIsRefusedWith401AndTheFlowCannotKey() throws Exception {
        ShortTermCredentials admitted = credentials();
        MediaAdmission admission = emulator.mediaNodes().admit("serving", meeting(), "mallory", admitted);
        ShortTermCredentials wrong = new ShortTermCredentials(admitted.username(), "not-the-password");
        try (FakeParticipant m = FakeParticipant.open(admission, wrong, MediaTransport.UDP, trustingCa, 0x3333L, 0)) {
            StunTransactionException refused = assertThrows(StunTransactionException.class, m::check);
            assertTrue(refused.getMessage().contains("401"), refused.getMessage());
            DtlsHandshakeException unkeyed = assertThrows(
                    DtlsHandshakeException.class, () -> m.keyWithin(admission.fingerprint(), SILENCE.multipliedBy(5)));
            assertEquals(DtlsHandshakeException.Reason.TIMEOUT, unkeyed.reason(), unkeyed.getMessage());
        }
    }

    @Test
    void aClientPinningAnotherFingerprintRefusesTheNode() throws Exception {
        ShortTermCredentials credentials = credentials();
        MediaAdmission admission = emulator.mediaNodes().admit("serving", meeting(), "dave", credentials);
        String other = DtlsCertificate.selfSigned("not the node", Clock.systemUTC())
                .fingerprint()
                .toString();
        try (FakeParticipant d =
                FakeParticipant.open(admission, credentials, MediaTransport.UDP, trustingCa, 0x4444L, 0)) {
            d.check();
            DtlsHandshakeException refused = assertThrows(DtlsHandshakeException.class, () -> d.key(other));
            assertEquals(DtlsHandshakeException.Reason.FINGERPRINT_MISMATCH, refused.reason(), refused.getMessage());
        }
    }

    @Test
    void aFlowCutMidMeetingAndReestablishedOnTcpContinuesTheRelay() throws Exception {
        String meeting = meeting();
        ShortTermCredentials aliceCredentials = credentials();
        ShortTermCredentials bobCredentials = credentials();
        MediaAdmission alice = emulator.mediaNodes().admit("serving", meeting, "alice", aliceCredentials);
        MediaAdmission bob = emulator.mediaNodes().admit("serving", meeting, "bob", bobCredentials);
        try (FakeParticipant b = joined(bob, bobCredentials, MediaTransport.TCP, 0x6666L, 0)) {
            int nextSequence;
            try (FakeParticipant overUdp = joined(alice, aliceCredentials, MediaTransport.UDP, 0x5555L, 0)) {
                assertRelayed(overUdp, b, "alice over udp to bob over tcp");
                emulator.mediaNodes().cut("serving", MediaTransport.UDP, true);
                b.drain();
                overUdp.sendRtp(payload("lost"));
                assertTrue(b.receivePayload(SILENCE).isEmpty(), "nothing crosses a cut udp flow");
                nextSequence = overUdp.nextSequence();
            }
            try (FakeParticipant overTcp = joined(alice, aliceCredentials, MediaTransport.TCP, 0x5555L, nextSequence)) {
                assertRelayed(overTcp, b, "alice after failover to tcp, to bob");
                assertRelayed(b, overTcp, "bob to alice on her new tcp flow");
            }
        } finally {
            emulator.mediaNodes().cut("serving", MediaTransport.UDP, false);
        }
    }

    @Test
    void aParticipantDismissedWhileItsMediaStillArrivesLeavesTheNodeServing() throws Exception {
        String meeting = meeting();
        ShortTermCredentials aliceCredentials = credentials();
        ShortTermCredentials bobCredentials = credentials();
        MediaAdmission alice = emulator.mediaNodes().admit("udp-only", meeting, "alice", aliceCredentials);
        MediaAdmission bob = emulator.mediaNodes().admit("udp-only", meeting, "bob", bobCredentials);
        try (FakeParticipant a = joined(alice, aliceCredentials, MediaTransport.UDP, 0x7777L, 0);
                FakeParticipant b = joined(bob, bobCredentials, MediaTransport.UDP, 0x8888L, 0)) {
            assertRelayed(a, b, "alice to bob before she leaves");
            // Alice keeps sending while the cloud dismisses her (she left the meeting): her packets
            // race the dismissal on the node's listener thread, as a room's media does in the lab.
            AtomicBoolean sending = new AtomicBoolean(true);
            Thread sender = new Thread(
                    () -> {
                        try {
                            while (sending.get()) {
                                a.sendRtp(payload("still sending"));
                            }
                        } catch (IOException | SrtpException e) {
                            sending.set(false);
                        }
                    },
                    "test-alice-sender");
            sender.start();
            try {
                Thread.sleep(SILENCE.toMillis());
                emulator.mediaNodes().dismiss("udp-only", meeting, "alice");
                emulator.mediaNodes().dismiss("udp-only", meeting, "bob");
                Thread.sleep(SILENCE.toMillis());
            } finally {
                sending.set(false);
                sender.join(Duration.ofSeconds(10).toMillis());
            }
        }
        // The node's UDP listener survived: a new meeting on it keys and relays.
        String next = meeting();
        ShortTermCredentials carolCredentials = credentials();
        ShortTermCredentials daveCredentials = credentials();
        MediaAdmission carol = emulator.mediaNodes().admit("udp-only", next, "carol", carolCredentials);
        MediaAdmission dave = emulator.mediaNodes().admit("udp-only", next, "dave", daveCredentials);
        try (FakeParticipant c = joined(carol, carolCredentials, MediaTransport.UDP, 0x9999L, 0);
                FakeParticipant d = joined(dave, daveCredentials, MediaTransport.UDP, 0xAAAAL, 0)) {
            assertRelayed(c, d, "carol to dave after the dismissal");
        }
    }

    private static FakeParticipant joined(
            MediaAdmission admission, ShortTermCredentials credentials, MediaTransport transport, long ssrc, int seq)
            throws Exception {
        FakeParticipant participant = FakeParticipant.open(admission, credentials, transport, trustingCa, ssrc, seq);
        try {
            participant.check();
            participant.key(admission.fingerprint());
            return participant;
        } catch (Exception | AssertionError e) {
            participant.close();
            throw e;
        }
    }

    /**
     * Sends from {@code from} until {@code to} receives (the node keys its side of the handshake a
     * moment after the client), then checks the payload decrypts to what was sent.
     */
    private static void assertRelayed(FakeParticipant from, FakeParticipant to, String what) throws Exception {
        to.drain();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            byte[] sent = payload(what + " #" + attempt);
            from.sendRtp(sent);
            Optional<byte[]> received = to.receivePayload(POLL);
            if (received.isPresent()) {
                String text = new String(received.get(), StandardCharsets.UTF_8);
                assertTrue(text.startsWith(what + " #"), "relayed payload was '" + text + "'");
                return;
            }
        }
        throw new AssertionError("no SRTP relayed " + what + " after " + MAX_ATTEMPTS + " packets");
    }

    private static byte[] payload(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String meeting() {
        return "meeting-" + UUID.randomUUID();
    }

    private static ShortTermCredentials credentials() {
        return new ShortTermCredentials(
                "user-" + UUID.randomUUID(),
                "pass-" + UUID.randomUUID().toString().replace("-", ""));
    }
}
