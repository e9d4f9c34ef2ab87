package com.roomagent.agent.diagnosis;

import com.roomagent.protocol.discovery.DiscoveryReport;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.discovery.NodeKind;
import com.roomagent.protocol.discovery.PairResult;
import com.roomagent.protocol.discovery.ProbeFailure;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a discovery report into findings and recommendations, following the source document's
 * firewall traversal options in its order of preference: inside-initiated UDP 5004 to any address
 * (R11), STUN inspection (R15), IP-range whitelisting (R16), a Video Mesh node (R17); TCP 5004 and
 * TLS 443 are fallbacks, UDP 33434 a last resort (R12), and an HTTP proxy never carries media (R5).
 */
public final class NetworkDiagnoser {
    static final String OPEN_UDP_ANY = "open-udp-5004-any";
    static final String STUN_INSPECTION = "stun-inspection";
    static final String WHITELIST = "whitelist-media-ranges";
    static final String VIDEO_MESH = "video-mesh";
    static final String VIDEO_MESH_OR_OPEN_FIREWALL = "video-mesh-or-open-firewall";
    static final String EXEMPT_TLS_INSPECTION = "exempt-from-tls-inspection";
    static final String AVOID_LAST_RESORT = "avoid-last-resort-port";

    private NetworkDiagnoser() {}

    /**
     * @param report the latest discovery
     * @param kinds the kind of each node, from the node list; nodes missing from it count as cloud nodes
     * @param proxyConfigured whether signaling goes through an HTTP proxy ({@code network.httpProxy})
     */
    public static NetworkDiagnosis diagnose(
            DiscoveryReport report, Map<String, NodeKind> kinds, boolean proxyConfigured) {
        List<PairResult> results = report.results();
        Set<String> allNodes =
                results.stream().map(PairResult::nodeId).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> cloudNodes = allNodes.stream()
                .filter(id -> kinds.getOrDefault(id, NodeKind.CLOUD) == NodeKind.CLOUD)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Optional<MediaPath> best = results.stream()
                .filter(PairResult::reachable)
                .min(Comparator.comparingInt((PairResult r) -> r.transport().ordinal())
                        .thenComparingDouble(PairResult::medianRttMillis))
                .map(r -> new MediaPath(
                        r.nodeId(),
                        kinds.getOrDefault(r.nodeId(), NodeKind.CLOUD),
                        r.transport(),
                        r.target(),
                        r.medianRttMillis()));

        List<Finding> findings = new ArrayList<>();
        for (MediaTransport transport : MediaTransport.values()) {
            transportFinding(results, transport).ifPresent(findings::add);
        }
        List<String> tlsRejected = nodesFailing(results, MediaTransport.TLS, ProbeFailure.TLS_FAILURE);
        if (!tlsRejected.isEmpty()) {
            findings.add(new Finding(
                    "tls-inspection",
                    "The TLS handshake on 443 failed for " + String.join(", ", tlsRejected)
                            + ": a TLS-inspecting middlebox may replace the media nodes' certificates."));
        }

        List<Recommendation> recommendations = new ArrayList<>();
        Set<String> udpNodes = nodesReachable(results, MediaTransport.UDP);
        Set<String> udpCloudNodes = new LinkedHashSet<>(udpNodes);
        udpCloudNodes.retainAll(cloudNodes);
        boolean meshOverUdp = udpNodes.stream().anyMatch(id -> !cloudNodes.contains(id));

        if (best.isEmpty()) {
            if (proxyConfigured) {
                findings.add(new Finding(
                        "proxy-only",
                        "Signaling goes through the HTTP proxy, but no media node is reachable directly. Room"
                                + " devices never send media through an HTTP proxy: media is unavailable."));
                recommendations.add(new Recommendation(
                        VIDEO_MESH_OR_OPEN_FIREWALL,
                        "Install a Video Mesh node in the LAN (the device sends it media over UDP 5004 inside the"
                                + " LAN, and the node reaches the cloud outbound itself), or let the device out"
                                + " directly: inside-initiated UDP 5004 to any address is the recommended rule."));
            } else {
                findings.add(new Finding(
                        "media-unavailable", "No media node answered over any transport: media is unavailable."));
                recommendations.add(openUdpAny("No media can flow now."));
            }
            recommendations.add(stunInspection());
            recommendations.add(whitelist());
        } else if (!cloudNodes.isEmpty() && udpCloudNodes.containsAll(cloudNodes)) {
            findings.add(new Finding(
                    "recommended-setup",
                    "Inside-initiated UDP 5004 reaches every media node: this is the recommended setup."));
        } else if (!udpCloudNodes.isEmpty()) {
            List<String> missing = new ArrayList<>(cloudNodes);
            missing.removeAll(udpCloudNodes);
            findings.add(
                    new Finding(
                            "whitelisting",
                            "UDP 5004 reaches only " + String.join(", ", udpCloudNodes) + " but not "
                                    + String.join(", ", missing)
                                    + ": the firewall looks like it allows UDP 5004 to some address ranges only (IP-range"
                                    + " whitelisting). The agent uses the best whitelisted node, which may not be the nearest."));
            recommendations.add(openUdpAny("Whitelisting keeps the agent from nodes outside the listed ranges."));
            recommendations.add(stunInspection());
        } else {
            String fallback = best.get().transport() == MediaTransport.UDP
                    ? "Media uses the Video Mesh node " + best.get().nodeId() + " over UDP."
                    : "Media falls back to " + describe(best.get().transport()) + ", with worse quality than UDP.";
            recommendations.add(openUdpAny(fallback));
            recommendations.add(stunInspection());
            recommendations.add(whitelist());
            if (!meshOverUdp) {
                recommendations.add(new Recommendation(
                        VIDEO_MESH,
                        "Or install a Video Mesh node in the LAN: devices send it media over UDP inside the LAN, and"
                                + " it reaches the cloud outbound with the same ports and protocols as a device."));
            }
        }
        if (best.isPresent() && best.get().transport() == MediaTransport.UDP_LAST_RESORT) {
            findings.add(new Finding(
                    "last-resort-only",
                    "Media can only use UDP 33434, the last-resort port: ISPs often rate-limit it (traceroute)."));
            recommendations.add(new Recommendation(
                    AVOID_LAST_RESORT,
                    "Do not rely on UDP 33434 for media; open UDP 5004 (or at least TCP 5004 or TCP 443) to the media"
                            + " nodes instead."));
        }
        if (!tlsRejected.isEmpty()) {
            recommendations.add(new Recommendation(
                    EXEMPT_TLS_INSPECTION,
                    "Exempt the media nodes (" + String.join(", ", tlsRejected)
                            + ") from TLS inspection on port 443."));
        }
        return new NetworkDiagnosis(best.isPresent(), best, findings, recommendations);
    }

    private static Recommendation openUdpAny(String why) {
        return new Recommendation(
                OPEN_UDP_ANY,
                why + " Allow inside-initiated UDP to destination port 5004 on any address (the recommended rule;"
                        + " answers come back on the same 5-tuple, so nothing needs to be open inbound).");
    }

    private static Recommendation stunInspection() {
        return new Recommendation(
                STUN_INSPECTION,
                "If policy forbids UDP 5004 to any address, enable STUN inspection on the firewall: the agent"
                        + " sends STUN on the same 5-tuple before media, so the firewall can open the path for it.");
    }

    private static Recommendation whitelist() {
        return new Recommendation(
                WHITELIST,
                "Otherwise allow UDP 5004 to the IP ranges of the media nodes (whitelisting); the agent then uses"
                        + " the best node inside those ranges.");
    }

    private static Optional<Finding> transportFinding(List<PairResult> results, MediaTransport transport) {
        List<PairResult> offered = results.stream()
                .filter(r -> r.transport() == transport && r.failure() != ProbeFailure.NOT_OFFERED)
                .toList();
        if (offered.isEmpty()) {
            return Optional.empty();
        }
        long reachable = offered.stream().filter(PairResult::reachable).count();
        String code =
                transport.id() + (reachable == offered.size() ? "-open" : reachable == 0 ? "-blocked" : "-partial");
        String reasons = offered.stream()
                .filter(r -> !r.reachable())
                .map(r -> r.failure().id())
                .distinct()
                .collect(Collectors.joining(", "));
        String text = String.format(
                Locale.ROOT,
                "%s reaches %d of %d media nodes%s.",
                describe(transport),
                reachable,
                offered.size(),
                reasons.isEmpty() ? "" : " (the others: " + reasons + ")");
        return Optional.of(new Finding(code, text));
    }

    private static Set<String> nodesReachable(List<PairResult> results, MediaTransport transport) {
        return results.stream()
                .filter(r -> r.transport() == transport && r.reachable())
                .map(PairResult::nodeId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static List<String> nodesFailing(List<PairResult> results, MediaTransport transport, ProbeFailure failure) {
        return results.stream()
                .filter(r -> r.transport() == transport && r.failure() == failure)
                .map(PairResult::nodeId)
                .toList();
    }

    /** The transport in an administrator's words: protocol and port. */
    static String describe(MediaTransport transport) {
        return switch (transport) {
            case UDP -> "UDP 5004";
            case TCP -> "TCP 5004";
            case TLS -> "TLS 443";
            case UDP_LAST_RESORT -> "UDP 33434 (last resort)";
        };
    }
}
