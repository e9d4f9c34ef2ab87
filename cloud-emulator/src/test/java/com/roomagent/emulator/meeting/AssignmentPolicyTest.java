package com.roomagent.emulator.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.protocol.discovery.DiscoveryReport;
import com.roomagent.protocol.discovery.MediaNode;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.discovery.NodeKind;
import com.roomagent.protocol.discovery.PairResult;
import com.roomagent.protocol.discovery.ProbeFailure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AssignmentPolicyTest {
    private static final MediaNode MESH = node("mesh-1", NodeKind.VIDEO_MESH, "10.0.0.5");
    private static final MediaNode EU = node("eu-1", NodeKind.CLOUD, "192.0.2.10");
    private static final MediaNode US = node("us-1", NodeKind.CLOUD, "192.0.2.20");
    private static final List<MediaNode> NODES = List.of(MESH, EU, US);

    @Test
    void participantsOnOneLanWithAReachableVideoMeshNodeGetThatNode() throws Exception {
        DiscoveryReport a =
                report("a", reached("mesh-1", MediaTransport.UDP, 40), reached("eu-1", MediaTransport.UDP, 5));
        DiscoveryReport b =
                report("b", reached("mesh-1", MediaTransport.UDP, 2), reached("eu-1", MediaTransport.UDP, 9));

        NodeAssignment assignment = AssignmentPolicy.choose(NODES, b, List.of(Optional.of(a)));

        assertEquals("mesh-1", assignment.node().id());
        assertEquals("shared-video-mesh", assignment.reason());
    }

    @Test
    void aVideoMeshNodeAnotherParticipantCannotReachGivesWayToACommonCloudNode() throws Exception {
        DiscoveryReport home =
                report("home", reached("eu-1", MediaTransport.UDP, 30), reached("us-1", MediaTransport.UDP, 90));
        DiscoveryReport office = report(
                "office",
                reached("mesh-1", MediaTransport.UDP, 1),
                reached("us-1", MediaTransport.TCP, 50),
                reached("eu-1", MediaTransport.TLS, 60));

        NodeAssignment assignment = AssignmentPolicy.choose(NODES, office, List.of(Optional.of(home)));

        assertEquals("us-1", assignment.node().id());
        assertEquals("shared-cloud", assignment.reason());
    }

    @Test
    void theCommonCloudNodeIsTheOneWithTheLowestRttOverTheDevicesPreferredTransport() throws Exception {
        DiscoveryReport other =
                report("other", reached("eu-1", MediaTransport.UDP, 10), reached("us-1", MediaTransport.UDP, 10));
        // eu-1 has a faster TLS path, but UDP is preferred and us-1 is faster over UDP.
        DiscoveryReport device = report(
                "device",
                reached("eu-1", MediaTransport.UDP, 80),
                reached("eu-1", MediaTransport.TLS, 3),
                reached("us-1", MediaTransport.UDP, 20));

        NodeAssignment assignment = AssignmentPolicy.choose(NODES, device, List.of(Optional.of(other)));

        assertEquals("us-1", assignment.node().id());
    }

    @Test
    void aCommonNodeOverUdpBeatsANearerOneOverTlsBehindAWhitelistingFirewall() throws Exception {
        DiscoveryReport other =
                report("other", reached("eu-1", MediaTransport.UDP, 10), reached("us-1", MediaTransport.UDP, 40));
        // Only us-1 is whitelisted for UDP; eu-1 is nearer but reached over TLS only (R12, R16).
        DiscoveryReport device = report(
                "device",
                unreachable("eu-1", MediaTransport.UDP),
                reached("eu-1", MediaTransport.TLS, 8),
                reached("us-1", MediaTransport.UDP, 45),
                reached("us-1", MediaTransport.TLS, 50));

        NodeAssignment assignment = AssignmentPolicy.choose(NODES, device, List.of(Optional.of(other)));

        assertEquals("us-1", assignment.node().id());
        assertEquals(MediaTransport.UDP, assignment.candidates().get(0).transport());
    }

    @Test
    void withoutACommonNodeTheDeviceGetsItsOwnBest() throws Exception {
        DiscoveryReport other = report("other", reached("us-1", MediaTransport.UDP, 10));
        DiscoveryReport device =
                report("device", reached("eu-1", MediaTransport.UDP, 12), unreachable("us-1", MediaTransport.UDP));

        NodeAssignment assignment = AssignmentPolicy.choose(NODES, device, List.of(Optional.of(other)));

        assertEquals("eu-1", assignment.node().id());
        assertEquals("device-best", assignment.reason());
    }

    @Test
    void aParticipantWithoutAReportSharesNoNode() throws Exception {
        DiscoveryReport device =
                report("device", reached("mesh-1", MediaTransport.UDP, 1), reached("eu-1", MediaTransport.UDP, 30));

        NodeAssignment assignment = AssignmentPolicy.choose(NODES, device, List.of(Optional.empty()));

        assertEquals("device-best", assignment.reason());
        assertEquals("mesh-1", assignment.node().id());
    }

    @Test
    void theFirstParticipantOnALanWithAVideoMeshNodeGetsIt() throws Exception {
        DiscoveryReport device =
                report("device", reached("eu-1", MediaTransport.UDP, 1), reached("mesh-1", MediaTransport.TCP, 4));

        NodeAssignment assignment = AssignmentPolicy.choose(NODES, device, List.of());

        assertEquals("mesh-1", assignment.node().id());
    }

    @Test
    void candidatesAreTheReachableTransportsInPreferenceOrderWithTheNodesPorts() throws Exception {
        DiscoveryReport device = report(
                "device",
                reached("eu-1", MediaTransport.TLS, 25),
                unreachable("eu-1", MediaTransport.TCP),
                reached("eu-1", MediaTransport.UDP, 20));

        NodeAssignment assignment = AssignmentPolicy.choose(NODES, device, List.of());

        assertEquals(
                List.of(
                        new Candidate(MediaTransport.UDP, "192.0.2.10", 5004, 20),
                        new Candidate(MediaTransport.TLS, "192.0.2.10", 443, 25)),
                assignment.candidates());
    }

    @Test
    void aDeviceThatReachedNoListedNodeIsRefusedWithAnExplanation() {
        DiscoveryReport device =
                report("device", unreachable("eu-1", MediaTransport.UDP), reached("not-listed", MediaTransport.UDP, 1));

        NoReachableNodeException refused =
                assertThrows(NoReachableNodeException.class, () -> AssignmentPolicy.choose(NODES, device, List.of()));

        assertTrue(refused.getMessage().contains("device reached none"), refused.getMessage());
        assertTrue(refused.getMessage().contains("run discovery again"), refused.getMessage());
    }

    private static MediaNode node(String id, NodeKind kind, String host) {
        return new MediaNode(
                id,
                kind,
                "test",
                host,
                Map.of(MediaTransport.UDP, 5004, MediaTransport.TCP, 5004, MediaTransport.TLS, 443));
    }

    private static DiscoveryReport report(String deviceId, PairResult... pairs) {
        return new DiscoveryReport(
                deviceId, Instant.parse("2026-01-01T00:00:00Z"), 100, "manual", new ArrayList<>(List.of(pairs)));
    }

    private static PairResult reached(String nodeId, MediaTransport transport, double rttMillis) {
        return new PairResult(
                nodeId, transport, "x:1", true, rttMillis, List.of(rttMillis), 3, "198.51.100.1:4000", null, null);
    }

    private static PairResult unreachable(String nodeId, MediaTransport transport) {
        return new PairResult(
                nodeId, transport, "x:1", false, null, List.of(), 3, null, ProbeFailure.TIMEOUT, "timed out");
    }
}
