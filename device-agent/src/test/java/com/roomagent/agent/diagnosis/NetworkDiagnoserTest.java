package com.roomagent.agent.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.protocol.discovery.DiscoveryReport;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.discovery.NodeKind;
import com.roomagent.protocol.discovery.PairResult;
import com.roomagent.protocol.discovery.ProbeFailure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The decisions of {@code room-agent diagnose}, one per firewall profile of the network lab. */
class NetworkDiagnoserTest {
    private static final List<String> CLOUD = List.of("near", "far");

    @Test
    void udpToAnyAddressNeedsNoChangeAndPicksTheNearestNodeOverUdp() {
        NetworkDiagnosis diagnosis =
                diagnose(report(open("udp"), blocked("tcp"), open("tls"), blocked("udp-last-resort")));

        assertTrue(diagnosis.mediaAvailable());
        assertBest(diagnosis, "near", MediaTransport.UDP);
        assertEquals(List.of(), codes(diagnosis.recommendations()));
        assertTrue(findingCodes(diagnosis).contains("recommended-setup"), diagnosis::toString);
        assertTrue(DiagnosisRendering.text(diagnosis).contains("Nothing to change"));
    }

    @Test
    void udpToSomeNodesOnlyIsReportedAsWhitelistingAndAdvisesUdpToAny() {
        List<PairResult> results = new ArrayList<>();
        results.add(pair("near", MediaTransport.UDP, ProbeFailure.TIMEOUT, 0));
        results.add(pair("far", MediaTransport.UDP, null, 40));
        results.add(pair("near", MediaTransport.TLS, null, 6));
        results.add(pair("far", MediaTransport.TLS, null, 41));

        NetworkDiagnosis diagnosis = diagnose(results);

        assertBest(diagnosis, "far", MediaTransport.UDP);
        assertEquals(List.of("open-udp-5004-any", "stun-inspection"), codes(diagnosis.recommendations()));
        Finding whitelisting = finding(diagnosis, "whitelisting");
        assertTrue(whitelisting.text().contains("only far but not near"), whitelisting::text);
    }

    @Test
    void udpBlockedFallsBackToTcpAndListsEveryOptionOfTheSourceDocumentInOrder() {
        NetworkDiagnosis diagnosis =
                diagnose(report(blocked("udp"), open("tcp"), open("tls"), blocked("udp-last-resort")));

        assertBest(diagnosis, "near", MediaTransport.TCP);
        assertEquals(
                List.of("open-udp-5004-any", "stun-inspection", "whitelist-media-ranges", "video-mesh"),
                codes(diagnosis.recommendations()));
        assertTrue(diagnosis.recommendations().get(0).text().contains("falls back to TCP 5004"));
        assertTrue(findingCodes(diagnosis).containsAll(List.of("udp-blocked", "tcp-open", "tls-open")));
    }

    @Test
    void onlyTheLastResortPortWarnsAboutRateLimiting() {
        NetworkDiagnosis diagnosis =
                diagnose(report(blocked("udp"), blocked("tcp"), blocked("tls"), open("udp-last-resort")));

        assertBest(diagnosis, "near", MediaTransport.UDP_LAST_RESORT);
        assertEquals("open-udp-5004-any", diagnosis.recommendations().get(0).code());
        assertTrue(codes(diagnosis.recommendations()).contains("avoid-last-resort-port"));
        assertTrue(findingCodes(diagnosis).contains("last-resort-only"));
    }

    @Test
    void tlsIsPreferredOverTheLastResortPortWhateverTheirRoundTrips() {
        List<PairResult> results =
                new ArrayList<>(report(blocked("udp"), blocked("tcp"), open("tls"), open("udp-last-resort")));
        NetworkDiagnosis diagnosis = diagnose(results);

        assertBest(diagnosis, "near", MediaTransport.TLS);
        assertFalse(codes(diagnosis.recommendations()).contains("avoid-last-resort-port"));
    }

    @Test
    void proxyOnlyNetworkSaysMediaIsUnavailableAndAdvisesAVideoMeshNode() {
        DiscoveryReport report = new DiscoveryReport(
                "room-1",
                Instant.parse("2026-11-25T10:00:00Z"),
                7600,
                "manual",
                report(blocked("udp"), blocked("tcp"), blocked("tls"), blocked("udp-last-resort")));

        NetworkDiagnosis diagnosis = NetworkDiagnoser.diagnose(report, Map.of(), true);

        assertFalse(diagnosis.mediaAvailable());
        assertTrue(diagnosis.bestPath().isEmpty());
        assertEquals(
                "video-mesh-or-open-firewall",
                diagnosis.recommendations().get(0).code());
        assertTrue(finding(diagnosis, "proxy-only").text().contains("never send media through an HTTP proxy"));
        assertTrue(DiagnosisRendering.text(diagnosis).contains("Media path: none, media is unavailable."));
        assertEquals(null, DiagnosisRendering.json(diagnosis).get("bestPath"));
    }

    @Test
    void nothingReachableWithoutAProxyAdvisesOpeningUdp5004First() {
        NetworkDiagnosis diagnosis =
                diagnose(report(blocked("udp"), blocked("tcp"), blocked("tls"), blocked("udp-last-resort")));

        assertFalse(diagnosis.mediaAvailable());
        assertEquals("open-udp-5004-any", diagnosis.recommendations().get(0).code());
        assertTrue(findingCodes(diagnosis).contains("media-unavailable"));
    }

    @Test
    void aVideoMeshNodeOverUdpCarriesMediaWhenTheCloudIsOnlyReachableOverTls() {
        List<PairResult> results =
                new ArrayList<>(report(blocked("udp"), blocked("tcp"), open("tls"), blocked("udp-last-resort")));
        results.add(pair("mesh", MediaTransport.UDP, null, 1));
        DiscoveryReport report =
                new DiscoveryReport("room-1", Instant.parse("2026-11-25T10:00:00Z"), 7600, "manual", results);

        NetworkDiagnosis diagnosis = NetworkDiagnoser.diagnose(report, Map.of("mesh", NodeKind.VIDEO_MESH), false);

        MediaPath best = diagnosis.bestPath().orElseThrow();
        assertEquals("mesh", best.nodeId());
        assertEquals(NodeKind.VIDEO_MESH, best.kind());
        assertFalse(codes(diagnosis.recommendations()).contains("video-mesh"), diagnosis::toString);
        assertTrue(diagnosis.recommendations().get(0).text().contains("Video Mesh node mesh over UDP"));
    }

    @Test
    void rejectedTlsCertificatesAdviseExemptingTheNodesFromInspection() {
        List<PairResult> results =
                new ArrayList<>(report(open("udp"), open("tcp"), blocked("tls"), open("udp-last-resort")));
        results.replaceAll(r -> r.transport() == MediaTransport.TLS
                ? pair(r.nodeId(), MediaTransport.TLS, ProbeFailure.TLS_FAILURE, 0)
                : r);

        NetworkDiagnosis diagnosis = diagnose(results);

        assertEquals(List.of("exempt-from-tls-inspection"), codes(diagnosis.recommendations()));
        assertTrue(findingCodes(diagnosis).contains("tls-inspection"));
    }

    @Test
    void jsonTreeCarriesTheBestPathAndTheCodes() {
        NetworkDiagnosis diagnosis =
                diagnose(report(blocked("udp"), open("tcp"), open("tls"), blocked("udp-last-resort")));

        Map<String, Object> json = DiagnosisRendering.json(diagnosis);

        assertEquals(true, json.get("mediaAvailable"));
        @SuppressWarnings("unchecked")
        Map<String, Object> best = (Map<String, Object>) json.get("bestPath");
        assertEquals("tcp", best.get("transport"));
        assertEquals("near", best.get("nodeId"));
        assertEquals("cloud", best.get("kind"));
        @SuppressWarnings("unchecked")
        List<Map<String, String>> recommendations = (List<Map<String, String>>) json.get("recommendations");
        assertEquals("open-udp-5004-any", recommendations.get(0).get("code"));
    }

    // --- helpers: the nodes "near" (RTT 5 ms) and "far" (RTT 40 ms), each transport open or blocked for both.

    private record Outcome(MediaTransport transport, boolean open) {}

    private static Outcome open(String transport) {
        return new Outcome(MediaTransport.fromId(transport), true);
    }

    private static Outcome blocked(String transport) {
        return new Outcome(MediaTransport.fromId(transport), false);
    }

    private static List<PairResult> report(Outcome... outcomes) {
        List<PairResult> results = new ArrayList<>();
        for (String node : CLOUD) {
            double rtt = node.equals("near") ? 5 : 40;
            for (Outcome outcome : outcomes) {
                // TLS is a few ms slower than UDP to the same node, the last-resort port a bit faster.
                double adjusted = rtt
                        + (outcome.transport() == MediaTransport.UDP_LAST_RESORT
                                ? -1
                                : outcome.transport().ordinal());
                results.add(pair(node, outcome.transport(), outcome.open() ? null : ProbeFailure.TIMEOUT, adjusted));
            }
        }
        return results;
    }

    private static PairResult pair(String node, MediaTransport transport, ProbeFailure failure, double rtt) {
        boolean reachable = failure == null;
        return new PairResult(
                node,
                transport,
                node + ":" + transport.defaultPort(),
                reachable,
                reachable ? rtt : null,
                reachable ? List.of(rtt) : List.of(),
                reachable ? 1 : 0,
                reachable ? "192.0.2.2:40000" : null,
                failure,
                null);
    }

    private static NetworkDiagnosis diagnose(List<PairResult> results) {
        DiscoveryReport report =
                new DiscoveryReport("room-1", Instant.parse("2026-11-25T10:00:00Z"), 7600, "manual", results);
        return NetworkDiagnoser.diagnose(report, Map.of(), false);
    }

    private static void assertBest(NetworkDiagnosis diagnosis, String node, MediaTransport transport) {
        MediaPath best = diagnosis.bestPath().orElseThrow(() -> new AssertionError("no best path: " + diagnosis));
        assertEquals(node, best.nodeId(), diagnosis::toString);
        assertEquals(transport, best.transport(), diagnosis::toString);
    }

    private static List<String> codes(List<Recommendation> recommendations) {
        return recommendations.stream().map(Recommendation::code).toList();
    }

    private static List<String> findingCodes(NetworkDiagnosis diagnosis) {
        return diagnosis.findings().stream().map(Finding::code).toList();
    }

    private static Finding finding(NetworkDiagnosis diagnosis, String code) {
        return diagnosis.findings().stream()
                .filter(f -> f.code().equals(code))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no finding " + code + " in " + diagnosis.findings()));
    }
}
