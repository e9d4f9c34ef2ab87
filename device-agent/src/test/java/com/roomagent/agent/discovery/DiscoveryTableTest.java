package com.roomagent.agent.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.protocol.discovery.DiscoveryReport;
import com.roomagent.protocol.discovery.MediaNode;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.discovery.NodeKind;
import com.roomagent.protocol.discovery.PairResult;
import com.roomagent.protocol.discovery.ProbeFailure;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiscoveryTableTest {
    private static final MediaNode EU = new MediaNode(
            "eu-1", NodeKind.CLOUD, "eu-west", "127.0.1.1", Map.of(MediaTransport.UDP, 5004, MediaTransport.TCP, 5004));
    private static final MediaNode MESH =
            new MediaNode("mesh-1", NodeKind.VIDEO_MESH, "office", "127.0.1.2", Map.of(MediaTransport.TLS, 443));

    private static final DiscoveryReport REPORT = new DiscoveryReport(
            "device-1",
            Instant.parse("2026-11-25T08:00:00Z"),
            812,
            "manual",
            List.of(
                    new PairResult(
                            "eu-1",
                            MediaTransport.UDP,
                            "127.0.1.1:5004",
                            true,
                            1.5,
                            List.of(1.0, 1.5, 2.0),
                            3,
                            "127.0.0.1:40000",
                            null,
                            null),
                    new PairResult(
                            "eu-1",
                            MediaTransport.TCP,
                            "127.0.1.1:5004",
                            true,
                            2.25,
                            List.of(2.25),
                            1,
                            "127.0.0.1:40001",
                            null,
                            "connect 0.1 ms"),
                    notOffered("eu-1", MediaTransport.TLS),
                    notOffered("eu-1", MediaTransport.UDP_LAST_RESORT),
                    notOffered("mesh-1", MediaTransport.UDP),
                    notOffered("mesh-1", MediaTransport.TCP),
                    new PairResult(
                            "mesh-1",
                            MediaTransport.TLS,
                            "127.0.1.2:443",
                            false,
                            null,
                            List.of(),
                            0,
                            null,
                            ProbeFailure.TLS_FAILURE,
                            "certificate of 127.0.1.2:443 not trusted: x"),
                    notOffered("mesh-1", MediaTransport.UDP_LAST_RESORT)));

    @Test
    void theTableHasAHeadingAHeaderAndOneAlignedRowPerPair() {
        List<String> lines =
                DiscoveryTable.render(REPORT, List.of(EU, MESH)).lines().toList();

        assertEquals(
                "Discovery for device-1 (trigger manual), started 2026-11-25T08:00:00Z, took 812 ms: 1 of 2 nodes"
                        + " reachable over 4 transports",
                lines.get(0));
        assertEquals(
                "NODE    KIND        REGION   TRANSPORT        TARGET          RESULT       RTT MS  SAMPLES"
                        + "  MAPPED ADDRESS / REASON",
                lines.get(1));
        assertEquals(
                "eu-1    cloud       eu-west  udp              127.0.1.1:5004  reachable      1.50      3/3"
                        + "  127.0.0.1:40000",
                lines.get(2));
        assertEquals(
                "eu-1    cloud       eu-west  tcp              127.0.1.1:5004  reachable      2.25      1/1"
                        + "  127.0.0.1:40001; connect 0.1 ms",
                lines.get(3));
        assertEquals(
                "mesh-1  video-mesh  office   tls              127.0.1.2:443   tls-failure       -      0/0"
                        + "  certificate of 127.0.1.2:443 not trusted: x",
                lines.get(8));
        int width = lines.get(1).indexOf("MAPPED");
        assertTrue(lines.subList(2, 10).stream().allMatch(line -> line.indexOf("  ", width - 2) == width - 2));
    }

    @Test
    void theSummaryNamesEachNodesMostPreferredReachableTransport() {
        List<String> summary = DiscoveryTable.summary(REPORT, List.of(EU, MESH));

        assertEquals(
                List.of(
                        "eu-1 (cloud, eu-west): best udp 1.50 ms; also tcp; not over tls not-offered, udp-last-resort"
                                + " not-offered",
                        "mesh-1 (video-mesh, office): unreachable over every transport (udp not-offered, tcp"
                                + " not-offered, tls tls-failure, udp-last-resort not-offered)"),
                summary);
    }

    @Test
    void withoutTheNodeListKindsAndRegionsAreDashes() {
        String text = DiscoveryTable.render(REPORT);

        assertTrue(text.contains("\neu-1    -     -       udp "), text);
        assertTrue(text.contains("\neu-1: best udp 1.50 ms"), text);
    }

    private static PairResult notOffered(String node, MediaTransport transport) {
        return new PairResult(
                node, transport, null, false, null, List.of(), 0, null, ProbeFailure.NOT_OFFERED, "not offered");
    }
}
