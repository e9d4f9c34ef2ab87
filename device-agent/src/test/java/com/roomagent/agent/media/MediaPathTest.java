package com.roomagent.agent.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.agent.call.CallMedia;
import com.roomagent.agent.call.CallMediaRequest;
import com.roomagent.agent.call.EmulatedRoom;
import com.roomagent.agent.call.TwoRooms;
import com.roomagent.agent.discovery.TrustAnchors;
import com.roomagent.agent.provisioning.Backoff;
import com.roomagent.av.media.MediaException;
import com.roomagent.av.media.SsrcPlan;
import com.roomagent.emulator.CloudEmulator;
import com.roomagent.emulator.config.EmulatorConfig;
import com.roomagent.emulator.config.NodeConfig;
import com.roomagent.emulator.config.TransportMode;
import com.roomagent.emulator.medianode.MediaAdmission;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.transport.channel.ChannelSettings;
import com.roomagent.transport.dtls.DtlsCertificate;
import com.roomagent.transport.keepalive.KeepaliveSettings;
import com.roomagent.transport.race.RaceSettings;
import com.roomagent.transport.stun.ShortTermCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two rooms (emulated boards with real media pipelines) admitted to one meeting on a media node of
 * the real emulator, in-process on loopback: each room's media path races the node's candidates,
 * keys DTLS-SRTP against the announced fingerprint and decodes the other room's video relayed and
 * re-protected by the node. Every wait is bounded and generous; nothing asserts how fast. Times
 * to media and failover gaps are printed as {@code event=media-path-measure} lines; the figures in
 * docs/benchmarks.md come from {@link MediaPathBench} ({@code make bench-media}).
 */
class MediaPathTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** Short keepalive timings so a cut path is noticed within a test's patience. */
    private static final MediaPathSettings SETTINGS = new MediaPathSettings(
            RaceSettings.defaults(),
            new KeepaliveSettings(Duration.ofMillis(500), Duration.ofSeconds(3), Duration.ofSeconds(2)),
            Duration.ofSeconds(15),
            ChannelSettings.defaults(),
            new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1)));

    @TempDir
    static Path stateDir;

    private static CloudEmulator emulator;
    private static SSLContext trustingCa;

    @BeforeAll
    static void start() throws Exception {
        emulator = CloudEmulator.start(
                EmulatorConfig.loopback(
                        NodeConfig.loopback("serving").build(),
                        NodeConfig.loopback("cut-me").build(),
                        NodeConfig.loopback("goes-dark").build(),
                        NodeConfig.loopback("comes-back").build(),
                        only("tcp-only", MediaTransport.TCP),
                        only("tls-only", MediaTransport.TLS)),
                stateDir);
        trustingCa = TrustAnchors.sslContextTrusting(emulator.caCertificate());
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
    void eachRoomDecodesTheOthersVideoRelayedByTheNodeOverTheTransportThatWins(MediaTransport transport)
            throws Exception {
        String node = transport == MediaTransport.UDP ? "serving" : transport.id() + "-only";
        try (Meeting meeting = new Meeting(node)) {
            MediaPath a = meeting.join(meeting.roomA, "room-a", meeting.ssrcs);
            MediaPath b = meeting.join(meeting.roomB, "room-b", meeting.ssrcs.reversed());
            TwoRooms.await("room a decodes room b's video", PATIENCE, () -> EmulatedRoom.frames(a.media()) > 5);
            TwoRooms.await("room b decodes room a's video", PATIENCE, () -> EmulatedRoom.frames(b.media()) > 5);
            for (MediaPath path : new MediaPath[] {a, b}) {
                PathStatus status = path.status();
                assertEquals(transport.id(), status.transport(), status.toString());
                assertEquals(node, status.node());
                assertEquals("up", status.state());
                assertEquals("alive", status.keepalive());
                assertTrue(status.failovers().isEmpty(), status.toString());
            }
            TwoRooms.await(
                    "time to media measured",
                    PATIENCE,
                    () -> a.status().timeToMediaMs() != null && b.status().timeToMediaMs() != null);
            System.out.printf(
                    "event=media-path-measure transport=%s time_to_media_ms=%d,%d%n",
                    transport.id(), a.status().timeToMediaMs(), b.status().timeToMediaMs());
            TwoRooms.await(
                    "the mapped address is learnt", PATIENCE, () -> a.status().mappedAddress() != null);
            assertTrue(
                    a.status().mappedAddress().startsWith("127.0.0.1:"),
                    a.status().toString());
        }
    }

    @Test
    void cuttingUdpMidCallMovesThePathToTcpAndMediaResumesWithoutRestartingThePipeline() throws Exception {
        try (Meeting meeting = new Meeting("cut-me")) {
            MediaPath a = meeting.join(meeting.roomA, "room-a", meeting.ssrcs);
            MediaPath b = meeting.join(meeting.roomB, "room-b", meeting.ssrcs.reversed());
            CallMedia mediaA = a.media();
            CallMedia mediaB = b.media();
            TwoRooms.await(
                    "video both ways over udp",
                    PATIENCE,
                    () -> EmulatedRoom.frames(mediaA) > 5 && EmulatedRoom.frames(mediaB) > 5);
            assertEquals("udp", a.status().transport());
            try {
                emulator.mediaNodes().cut("cut-me", MediaTransport.UDP, true);
                TwoRooms.await(
                        "both paths failed over to tcp",
                        PATIENCE,
                        () -> "tcp".equals(a.status().transport())
                                && "tcp".equals(b.status().transport()));
                long framesA = EmulatedRoom.frames(mediaA);
                long framesB = EmulatedRoom.frames(mediaB);
                TwoRooms.await(
                        "video resumes both ways over tcp",
                        PATIENCE,
                        () -> EmulatedRoom.frames(mediaA) > framesA + 5 && EmulatedRoom.frames(mediaB) > framesB + 5);
                assertSame(mediaA, a.media(), "the pipeline was not restarted");
                assertEquals(1, meeting.roomA.started().size(), "one media start in room a");
                assertEquals(1, meeting.roomB.started().size(), "one media start in room b");
                for (MediaPath path : new MediaPath[] {a, b}) {
                    TwoRooms.await(
                            "the gap is measured",
                            PATIENCE,
                            () -> path.status().failovers().size() == 1
                                    && path.status().failovers().get(0).gapMs() != null);
                    PathStatus.Failover failover = path.status().failovers().get(0);
                    assertTrue(failover.from().contains("udp"), failover.toString());
                    assertTrue(failover.to().contains("tcp"), failover.toString());
                    assertTrue(
                            failover.cause().equals("MEDIA_STOPPED")
                                    || failover.cause().equals("CONSENT_EXPIRED"),
                            failover.toString());
                    assertTrue(failover.gapMs() > 0, failover.toString());
                    assertEquals("up", path.status().state());
                    System.out.printf(
                            "event=media-path-measure failover=udp-to-tcp cause=%s gap_ms=%d recovery_ms=%d%n",
                            failover.cause(), failover.gapMs(), failover.recoveryMs());
                }
            } finally {
                emulator.mediaNodes().cut("cut-me", MediaTransport.UDP, false);
            }
        }
    }

    @Test
    void whenEveryTransportOfTheNodeGoesDarkThePathSaysUnavailableAndTheCallMediaStaysUp() throws Exception {
        try (Meeting meeting = new Meeting("goes-dark")) {
            MediaPath alone = meeting.join(meeting.roomA, "room-a", meeting.ssrcs);
            CallMedia media = alone.media();
            try {
                for (MediaTransport transport : MediaTransport.values()) {
                    emulator.mediaNodes().cut("goes-dark", transport, true);
                }
                TwoRooms.await(
                        "the path gives up",
                        PATIENCE,
                        () -> "unavailable".equals(alone.status().state()));
                PathStatus status = alone.status();
                assertEquals(1, status.failovers().size(), status.toString());
                PathStatus.Failover failover = status.failovers().get(0);
                assertEquals("CONSENT_EXPIRED", failover.cause(), "a room alone expects no media: " + failover);
                assertEquals(null, failover.to(), failover.toString());
                assertSame(media, alone.media());
                assertEquals("active", media.status().state(), "the call's media is not torn down");
            } finally {
                for (MediaTransport transport : MediaTransport.values()) {
                    emulator.mediaNodes().cut("goes-dark", transport, false);
                }
            }
        }
    }

    @Test
    void anUnavailablePathRetriesByItselfAndMediaFlowsAgainWhenTheNodeComesBackWithoutANewJoin() throws Exception {
        try (Meeting meeting = new Meeting("comes-back")) {
            MediaPath a = meeting.join(meeting.roomA, "room-a", meeting.ssrcs);
            MediaPath b = meeting.join(meeting.roomB, "room-b", meeting.ssrcs.reversed());
            CallMedia mediaA = a.media();
            CallMedia mediaB = b.media();
            TwoRooms.await(
                    "video both ways",
                    PATIENCE,
                    () -> EmulatedRoom.frames(mediaA) > 5 && EmulatedRoom.frames(mediaB) > 5);
            try {
                for (MediaTransport transport : MediaTransport.values()) {
                    emulator.mediaNodes().cut("comes-back", transport, true);
                }
                for (MediaPath path : new MediaPath[] {a, b}) {
                    TwoRooms.await(
                            "the path is unavailable and has failed a retry of its own",
                            PATIENCE,
                            () -> path.status().unavailable() != null
                                    && path.status().unavailable().failedAttempts() >= 2);
                    PathStatus status = path.status();
                    assertTrue(
                            status.state().equals("unavailable")
                                    || status.state().equals("connecting"),
                            status.toString());
                    assertTrue(
                            status.unavailable().cause().contains("no media path to node comes-back"),
                            status.toString());
                    assertTrue(status.unavailable().nextAttemptInMs() <= 1000, status.toString());
                    assertNull(status.failovers().get(0).to(), status.toString());
                }
            } finally {
                for (MediaTransport transport : MediaTransport.values()) {
                    emulator.mediaNodes().cut("comes-back", transport, false);
                }
            }
            long framesA = EmulatedRoom.frames(mediaA);
            long framesB = EmulatedRoom.frames(mediaB);
            TwoRooms.await(
                    "both paths are up again",
                    PATIENCE,
                    () -> "up".equals(a.status().state())
                            && "up".equals(b.status().state()));
            TwoRooms.await(
                    "video resumes both ways on the same pipelines",
                    PATIENCE,
                    () -> EmulatedRoom.frames(mediaA) > framesA + 5 && EmulatedRoom.frames(mediaB) > framesB + 5);
            assertSame(mediaA, a.media(), "the pipeline was not restarted");
            assertSame(mediaB, b.media(), "the pipeline was not restarted");
            assertEquals(1, meeting.roomA.started().size(), "no new join in room a");
            assertEquals(1, meeting.roomB.started().size(), "no new join in room b");
            for (MediaPath path : new MediaPath[] {a, b}) {
                TwoRooms.await(
                        "the loss's gap is measured",
                        PATIENCE,
                        () -> path.status().failovers().get(0).gapMs() != null);
                PathStatus status = path.status();
                assertNull(status.unavailable(), status.toString());
                assertEquals(1, status.failovers().size(), status.toString());
                assertNotNull(status.failovers().get(0).to(), status.toString());
                // Any transport may win: a retry racing when the cut ends can hear last-resort UDP first.
                assertNotNull(status.transport(), status.toString());
                assertTrue(status.failovers().get(0).gapMs() > 0, status.toString());
            }
        }
    }

    @Test
    void aNodeWhoseCertificateDoesNotMatchTheAnnouncedFingerprintGetsNoCall() throws Exception {
        try (Meeting meeting = new Meeting("serving")) {
            String other = DtlsCertificate.selfSigned("not the node", Clock.systemUTC())
                    .fingerprint()
                    .toString();
            MediaAdmission admission = meeting.admit("room-a");
            MediaAssignment forged = new MediaAssignment(
                    admission.meetingId(),
                    admission.nodeId(),
                    other,
                    admission.credentials(),
                    admission.candidates(),
                    meeting.ssrcs);
            MediaPathException refused = assertThrows(
                    MediaPathException.class,
                    () -> MediaPath.open(
                            "call-a", forged, SETTINGS, trustingCa, host(meeting.roomA), Clock.systemUTC()));
            assertTrue(refused.getMessage().contains("does not match"), refused.getMessage());
            assertTrue(meeting.roomA.started().isEmpty(), "no call media started");
        }
    }

    @Test
    void aFingerprintThatIsNotRfc8122IsRefusedBeforeAnyPacket() throws Exception {
        try (Meeting meeting = new Meeting("serving")) {
            MediaAdmission admission = meeting.admit("room-a");
            MediaAssignment broken = new MediaAssignment(
                    admission.meetingId(),
                    admission.nodeId(),
                    "md5 00:11",
                    admission.credentials(),
                    admission.candidates(),
                    meeting.ssrcs);
            MediaPathException refused = assertThrows(
                    MediaPathException.class,
                    () -> MediaPath.open(
                            "call-a", broken, SETTINGS, trustingCa, host(meeting.roomA), Clock.systemUTC()));
            assertTrue(refused.getMessage().contains("RFC 8122"), refused.getMessage());
        }
    }

    private static MediaPath.CallMediaHost host(EmulatedRoom room) {
        return new MediaPath.CallMediaHost() {
            @Override
            public CallMedia start(CallMediaRequest request) throws MediaException {
                return room.start(request);
            }

            @Override
            public void end(CallMedia media) {
                media.close();
            }
        };
    }

    /** One meeting on one node, two rooms, and the paths they opened. */
    private static final class Meeting implements AutoCloseable {
        final String node;
        final String id = "meeting-" + UUID.randomUUID();
        final SsrcPlan ssrcs = SsrcPlan.random(new Random());
        final EmulatedRoom roomA;
        final EmulatedRoom roomB;
        private final java.util.List<MediaPath> paths = new java.util.ArrayList<>();

        Meeting(String node) throws Exception {
            this.node = node;
            roomA = new EmulatedRoom(Files.createTempDirectory(stateDir, "room-a"));
            roomB = new EmulatedRoom(Files.createTempDirectory(stateDir, "room-b"));
        }

        MediaAdmission admit(String participant) {
            return emulator.mediaNodes()
                    .admit(
                            node,
                            id,
                            participant,
                            new ShortTermCredentials(
                                    "user-" + UUID.randomUUID(),
                                    "pass-" + UUID.randomUUID().toString().replace("-", "")));
        }

        MediaPath join(EmulatedRoom room, String participant, SsrcPlan plan) throws Exception {
            MediaAdmission admission = admit(participant);
            MediaAssignment assignment = new MediaAssignment(
                    admission.meetingId(),
                    admission.nodeId(),
                    admission.fingerprint(),
                    admission.credentials(),
                    admission.candidates(),
                    plan);
            MediaPath path = MediaPath.open(
                    "call-" + participant, assignment, SETTINGS, trustingCa, host(room), Clock.systemUTC());
            paths.add(path);
            return path;
        }

        @Override
        public void close() {
            paths.forEach(MediaPath::close);
            roomA.close();
            roomB.close();
        }
    }
}
