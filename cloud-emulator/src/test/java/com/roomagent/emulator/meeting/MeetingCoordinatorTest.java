package com.roomagent.emulator.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.emulator.CloudEmulator;
import com.roomagent.emulator.config.EmulatorConfig;
import com.roomagent.emulator.config.NodeConfig;
import com.roomagent.emulator.signaling.DiscoveryReportStore;
import com.roomagent.emulator.signaling.Registrations;
import com.roomagent.protocol.discovery.DiscoveryReport;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.discovery.NodeKind;
import com.roomagent.protocol.discovery.PairResult;
import com.roomagent.protocol.signaling.MeetingAssigned;
import com.roomagent.protocol.signaling.MeetingNotice;
import com.roomagent.protocol.signaling.SignalingJson;
import com.roomagent.protocol.signaling.SignalingMessage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cloud's meeting signaling against the emulator's real media nodes: events are read from the
 * registrations' replay buffers (no channel is attached, so every event is held).
 */
class MeetingCoordinatorTest {
    @TempDir
    Path stateDir;

    private CloudEmulator emulator;
    private final Registrations registrations = new Registrations();
    private final DiscoveryReportStore reports = new DiscoveryReportStore(2);
    private MeetingCoordinator coordinator;
    private long seq;

    @BeforeEach
    void start() throws Exception {
        emulator = CloudEmulator.start(
                EmulatorConfig.loopback(
                        NodeConfig.loopback("cloud-1").build(),
                        NodeConfig.loopback("mesh-1").kind(NodeKind.VIDEO_MESH).build()),
                stateDir);
        coordinator = new MeetingCoordinator(
                new Meetings(emulator.nodeList(), reports), emulator.mediaNodes(), registrations, reports);
        for (String device : List.of("a", "b", "c")) {
            registrations.register(device, URI.create("wss://127.0.0.1:1/v1/devices/events"));
        }
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void theFirstRoomWaitsAndTheSecondJoinAssignsBothOnOneNodeWithEachOthersSsrcs() throws Exception {
        reports.add(report("a", MediaTransport.UDP, "cloud-1"));
        reports.add(report("b", MediaTransport.UDP, "cloud-1"));

        join("a", "m1");
        assertEquals(
                MeetingNotice.FIRST_PARTICIPANT,
                notice(last("a", MeetingNotice.WAITING)).code());
        join("b", "m1");

        MeetingAssigned a = assigned(last("a", MeetingAssigned.EVENT));
        MeetingAssigned b = assigned(last("b", MeetingAssigned.EVENT));
        assertEquals("cloud-1", a.nodeId());
        assertEquals("cloud-1", b.nodeId());
        assertEquals(a.ssrcs().localVideo(), b.ssrcs().remoteVideo());
        assertEquals(a.ssrcs().localAudio(), b.ssrcs().remoteAudio());
        assertEquals(b.ssrcs().localVideo(), a.ssrcs().remoteVideo());
        assertNotEquals(a.username(), b.username());
        assertNotEquals(a.password(), b.password());
        assertTrue(a.fingerprint().startsWith("sha-256 "), a.fingerprint());
        assertEquals(MediaTransport.UDP, a.candidates().get(0).transport());
        assertEquals(Optional.of("cloud-1"), coordinator.node("m1"));
    }

    @Test
    void roomsThatBothReachAVideoMeshNodeAreAssignedIt() {
        reports.add(report("a", MediaTransport.UDP, "cloud-1", "mesh-1"));
        reports.add(report("b", MediaTransport.UDP, "cloud-1", "mesh-1"));

        join("a", "m1");
        join("b", "m1");

        assertEquals("mesh-1", assigned(last("a", MeetingAssigned.EVENT)).nodeId());
        assertEquals("mesh-1", assigned(last("b", MeetingAssigned.EVENT)).nodeId());
    }

    @Test
    void roomsWithNoCommonNodeAreRefusedAndTheFirstKeepsWaiting() {
        reports.add(report("a", MediaTransport.UDP, "mesh-1"));
        reports.add(report("b", MediaTransport.UDP, "cloud-1"));
        join("a", "m1");

        join("b", "m1");

        MeetingNotice refused = notice(last("b", MeetingNotice.REFUSED));
        assertEquals(MeetingNotice.NO_COMMON_NODE, refused.code());
        assertTrue(refused.message().contains("Video Mesh"), refused.message());
        assertEquals(Set.of("a"), coordinator.participants("m1"));
        assertEquals(Optional.empty(), coordinator.node("m1"));
    }

    @Test
    void aThirdRoomIsRefusedBecauseCallsAreTwoParty() {
        for (String device : List.of("a", "b", "c")) {
            reports.add(report(device, MediaTransport.UDP, "cloud-1"));
            join(device, "m1");
        }

        assertEquals(
                MeetingNotice.MEETING_FULL,
                notice(last("c", MeetingNotice.REFUSED)).code());
        assertEquals(Set.of("a", "b"), coordinator.participants("m1"));
    }

    @Test
    void aRoomWithoutADiscoveryReportOrWithABadMeetingIdIsRefused() {
        join("a", "m1");
        join("b", "not a meeting id");

        assertEquals(
                MeetingNotice.NO_REACHABLE_NODE,
                notice(last("a", MeetingNotice.REFUSED)).code());
        assertEquals(
                MeetingNotice.BAD_MEETING_ID,
                notice(last("b", MeetingNotice.REFUSED)).code());
        assertTrue(coordinator.participants("m1").isEmpty());
    }

    @Test
    void leavingTellsTheOtherRoomAndEndsTheNodesAdmission() {
        reports.add(report("a", MediaTransport.UDP, "cloud-1"));
        reports.add(report("b", MediaTransport.UDP, "cloud-1"));
        join("a", "m1");
        join("b", "m1");

        coordinator.leave("a", new SignalingMessage.MeetingLeave(++seq, "m1"));

        assertEquals(
                MeetingNotice.PARTICIPANT_LEFT,
                notice(last("b", MeetingNotice.WAITING)).code());
        assertEquals(Set.of("b"), coordinator.participants("m1"));
        assertEquals(Optional.empty(), coordinator.node("m1"));
    }

    @Test
    void aRepeatedJoinRepeatsTheSameAssignmentSoAResendNeverRestartsTheCall() {
        reports.add(report("a", MediaTransport.UDP, "cloud-1"));
        reports.add(report("b", MediaTransport.UDP, "cloud-1"));
        join("a", "m1");
        join("b", "m1");
        MeetingAssigned first = assigned(last("b", MeetingAssigned.EVENT));

        join("b", "m1");

        assertEquals(first, assigned(last("b", MeetingAssigned.EVENT)));
        assertEquals(2, events("b", MeetingAssigned.EVENT).size());
    }

    @Test
    void theTransportsARoomReachedComeFirstThenTheRestInPreferenceOrder() {
        reports.add(report("a", MediaTransport.TLS, "cloud-1"));
        reports.add(report("b", MediaTransport.TLS, "cloud-1"));
        join("a", "m1");
        join("b", "m1");

        List<MediaTransport> order = assigned(last("a", MeetingAssigned.EVENT)).candidates().stream()
                .map(MeetingAssigned.Candidate::transport)
                .toList();

        assertEquals(
                List.of(MediaTransport.TLS, MediaTransport.UDP, MediaTransport.TCP, MediaTransport.UDP_LAST_RESORT),
                order);
    }

    @Test
    void aRoomThatLostEveryCandidateOfTheNodeMovesTheMeetingToAnotherNodeBothReached() {
        reports.add(report("a", MediaTransport.UDP, "mesh-1", "cloud-1"));
        reports.add(report("b", MediaTransport.UDP, "mesh-1", "cloud-1"));
        join("a", "m1");
        join("b", "m1");
        MeetingAssigned before = assigned(last("a", MeetingAssigned.EVENT));
        assertEquals("mesh-1", before.nodeId());

        coordinator.failover("a", lostEverything("mesh-1"));
        coordinator.failover("b", lostEverything("mesh-1"));

        MeetingAssigned a = assigned(last("a", MeetingAssigned.EVENT));
        MeetingAssigned b = assigned(last("b", MeetingAssigned.EVENT));
        assertEquals("cloud-1", a.nodeId());
        assertEquals("cloud-1", b.nodeId());
        assertNotEquals(before.username(), a.username(), "fresh credentials on the new node");
        assertEquals(before.ssrcs(), a.ssrcs(), "the rooms keep their SSRCs");
        assertEquals(2, events("a", MeetingAssigned.EVENT).size(), "the second report of the loss moved nothing");
        assertEquals(Optional.of("cloud-1"), coordinator.node("m1"));
    }

    @Test
    void withNoOtherCommonNodeTheMeetingStaysWhereItIs() {
        reports.add(report("a", MediaTransport.UDP, "cloud-1"));
        reports.add(report("b", MediaTransport.UDP, "cloud-1"));
        join("a", "m1");
        join("b", "m1");

        coordinator.failover("a", lostEverything("cloud-1"));

        assertEquals(1, events("a", MeetingAssigned.EVENT).size());
        assertEquals(Optional.of("cloud-1"), coordinator.node("m1"));
    }

    private static SignalingMessage.MediaFailover lostEverything(String node) {
        return new SignalingMessage.MediaFailover(
                1, "m1", node, node + " udp 127.0.0.1:5004", null, "CONSENT_EXPIRED", null);
    }

    @Test
    void reportedFailoversAreKeptPerDevice() {
        SignalingMessage.MediaFailover failover = new SignalingMessage.MediaFailover(
                1, "m1", "cloud-1", "cloud-1 udp 127.0.0.1:5004", "cloud-1 tcp 127.0.0.1:5004", "MEDIA_STOPPED", 2100L);

        coordinator.failover("a", failover);

        assertEquals(List.of(failover), coordinator.failovers("a"));
        assertTrue(coordinator.failovers("b").isEmpty());
    }

    private void join(String device, String meetingId) {
        coordinator.join(device, new SignalingMessage.MeetingJoin(++seq, meetingId));
    }

    private List<SignalingMessage.Event> events(String device, String name) {
        return registrations.held(device).stream()
                .filter(event -> event.event().equals(name))
                .toList();
    }

    private SignalingMessage.Event last(String device, String name) {
        List<SignalingMessage.Event> found = events(device, name);
        if (found.isEmpty()) {
            throw new AssertionError("device " + device + " got no " + name + "; it got " + registrations.held(device));
        }
        return found.get(found.size() - 1);
    }

    private static MeetingAssigned assigned(SignalingMessage.Event event) {
        return SignalingJson.mapper().convertValue(event.body(), MeetingAssigned.class);
    }

    private static MeetingNotice notice(SignalingMessage.Event event) {
        return SignalingJson.mapper().convertValue(event.body(), MeetingNotice.class);
    }

    private static DiscoveryReport report(String deviceId, MediaTransport transport, String... reachedNodes) {
        List<PairResult> pairs = Arrays.stream(reachedNodes)
                .map(node -> new PairResult(
                        node, transport, "x:1", true, 10.0, List.of(10.0), 3, "198.51.100.1:1", null, null))
                .toList();
        return new DiscoveryReport(deviceId, Instant.parse("2026-01-01T00:00:00Z"), 50, "manual", pairs);
    }
}
