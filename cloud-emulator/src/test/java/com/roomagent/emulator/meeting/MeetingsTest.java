package com.roomagent.emulator.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.emulator.signaling.DiscoveryReportStore;
import com.roomagent.protocol.discovery.DiscoveryReport;
import com.roomagent.protocol.discovery.MediaNode;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.discovery.NodeKind;
import com.roomagent.protocol.discovery.NodeList;
import com.roomagent.protocol.discovery.PairResult;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MeetingsTest {
    private static final NodeList NODES = new NodeList(List.of(
            new MediaNode("mesh-1", NodeKind.VIDEO_MESH, "lan", "10.0.0.5", Map.of(MediaTransport.UDP, 5004)),
            new MediaNode("eu-1", NodeKind.CLOUD, "eu", "192.0.2.10", Map.of(MediaTransport.UDP, 5004))));

    private final DiscoveryReportStore reports = new DiscoveryReportStore(2);
    private final Meetings meetings = new Meetings(NODES, reports);

    @Test
    void twoDevicesOnTheMeshLanJoiningOneMeetingBothGetTheMeshNode() throws Exception {
        reports.add(report("a", "mesh-1", "eu-1"));
        reports.add(report("b", "mesh-1", "eu-1"));

        assertEquals("mesh-1", meetings.join("m1", "a").node().id());
        assertEquals("mesh-1", meetings.join("m1", "b").node().id());
        assertEquals(Set.of("a", "b"), meetings.participants("m1"));
    }

    @Test
    void aJoinerOffTheMeshLanIsGivenTheCloudNodeTheOthersAlsoReached() throws Exception {
        reports.add(report("office", "mesh-1", "eu-1"));
        reports.add(report("home", "eu-1"));
        meetings.join("m1", "office");

        NodeAssignment home = meetings.join("m1", "home");

        assertEquals("eu-1", home.node().id());
        assertEquals("shared-cloud", home.reason());
    }

    @Test
    void aDeviceIsInOneMeetingAtATimeAndAnEmptyMeetingEnds() throws Exception {
        reports.add(report("a", "eu-1"));
        meetings.join("m1", "a");

        meetings.join("m2", "a");

        assertTrue(meetings.participants("m1").isEmpty());
        assertEquals(Set.of("a"), meetings.participants("m2"));
        assertEquals(Optional.of("m2"), meetings.leave("a"));
        assertEquals(Optional.empty(), meetings.leave("a"));
        assertTrue(meetings.assignment("a").isEmpty());
    }

    @Test
    void aDeviceWithoutADiscoveryReportIsRefusedAndJoinsNothing() {
        NoReachableNodeException refused =
                assertThrows(NoReachableNodeException.class, () -> meetings.join("m1", "silent"));

        assertTrue(refused.getMessage().contains("no discovery report"), refused.getMessage());
        assertTrue(meetings.participants("m1").isEmpty());
    }

    @Test
    void eachJoinerSendsWithItsOwnSsrcsAndARejoinGetsNewOnes() throws Exception {
        reports.add(report("a", "eu-1"));
        reports.add(report("b", "eu-1"));
        meetings.join("m1", "a");
        meetings.join("m1", "b");

        assertEquals(
                Map.of("a", new ParticipantSsrcs(4096, 4097), "b", new ParticipantSsrcs(4098, 4099)),
                meetings.ssrcs("m1"));

        meetings.join("m1", "a");

        assertEquals(new ParticipantSsrcs(4100, 4101), meetings.ssrcs("m1").get("a"));
        assertEquals(new ParticipantSsrcs(4098, 4099), meetings.ssrcs("m1").get("b"));
        meetings.leave("a");
        meetings.leave("b");
        assertTrue(meetings.ssrcs("m1").isEmpty());
    }

    private static DiscoveryReport report(String deviceId, String... reachedNodes) {
        List<PairResult> pairs = Arrays.stream(reachedNodes)
                .map(node -> new PairResult(
                        node, MediaTransport.UDP, "x:1", true, 10.0, List.of(10.0), 3, "198.51.100.1:1", null, null))
                .toList();
        return new DiscoveryReport(deviceId, Instant.parse("2026-01-01T00:00:00Z"), 50, "manual", pairs);
    }
}
