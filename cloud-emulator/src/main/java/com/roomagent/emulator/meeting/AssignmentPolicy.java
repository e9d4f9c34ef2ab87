package com.roomagent.emulator.meeting;

import com.roomagent.protocol.discovery.DiscoveryReport;
import com.roomagent.protocol.discovery.MediaNode;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.discovery.NodeKind;
import com.roomagent.protocol.discovery.PairResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Chooses the media node for a device joining a meeting (R10), from the node list, the device's
 * latest discovery report and the latest reports of the participants already in the meeting. Pure:
 * no I/O, no clock.
 *
 * <p>Rules, in order:
 *
 * <ol>
 *   <li>Candidates are the nodes of the node list the device reached over at least one transport.
 *   <li>A Video Mesh node that the device and every other participant reached wins ({@code
 *       shared-video-mesh}): all of them sit on one LAN with that node.
 *   <li>Else the cloud node that the device and every other participant reached wins ({@code
 *       shared-cloud}).
 *   <li>Else the device's best candidate of any kind ({@code device-best}).
 * </ol>
 *
 * <p>Among several nodes a rule allows, the node whose preferred reachable transport comes first in
 * R12 order (UDP, TCP, TLS, UDP last resort) wins, then the lowest median RTT over that transport;
 * ties go to the smaller node id, so the choice is deterministic. The transport ranks before the
 * round trip: behind a firewall that whitelists a few nodes for UDP (R16) and lets TLS reach all,
 * a whitelisted node over UDP beats a nearer node over TLS (R12, R21; the network lab's scenario 2). A participant without a report reached
 * nothing, so no shared node exists while it is in the meeting.
 */
public final class AssignmentPolicy {
    /** Reason: a Video Mesh node the device and every other participant reached. */
    public static final String SHARED_VIDEO_MESH = "shared-video-mesh";
    /** Reason: a cloud node the device and every other participant reached. */
    public static final String SHARED_CLOUD = "shared-cloud";
    /** Reason: no node every participant reached; the device's own best. */
    public static final String DEVICE_BEST = "device-best";

    private AssignmentPolicy() {}

    /**
     * Chooses the node for {@code device}.
     *
     * @param nodes the cloud's node list
     * @param device the joining device's latest discovery report
     * @param others the latest reports of the other participants already in the meeting, one per
     *     participant; {@link Optional#empty()} for a participant that has not reported
     * @throws NoReachableNodeException when the device reached no node of the list
     */
    public static NodeAssignment choose(
            Collection<MediaNode> nodes, DiscoveryReport device, Collection<Optional<DiscoveryReport>> others)
            throws NoReachableNodeException {
        Map<String, MediaNode> byId = new LinkedHashMap<>();
        nodes.forEach(node -> byId.put(node.id(), node));
        Map<String, List<Candidate>> reached = candidates(byId, device);
        if (reached.isEmpty()) {
            throw new NoReachableNodeException("device " + device.deviceId()
                    + " reached none of the " + byId.size()
                    + " listed media nodes in its latest discovery report (started "
                    + device.startedAt() + "); run discovery again and rejoin");
        }
        List<Set<String>> othersReached =
                others.stream().map(report -> reachedIds(report)).toList();
        Optional<String> mesh = best(
                reached,
                id -> byId.get(id).kind() == NodeKind.VIDEO_MESH
                        && othersReached.stream().allMatch(set -> set.contains(id)));
        if (mesh.isPresent()) {
            return new NodeAssignment(byId.get(mesh.get()), SHARED_VIDEO_MESH, reached.get(mesh.get()));
        }
        Optional<String> cloud = best(
                reached,
                id -> byId.get(id).kind() == NodeKind.CLOUD
                        && othersReached.stream().allMatch(set -> set.contains(id)));
        if (cloud.isPresent()) {
            return new NodeAssignment(byId.get(cloud.get()), SHARED_CLOUD, reached.get(cloud.get()));
        }
        String own = best(reached, id -> true).orElseThrow();
        return new NodeAssignment(byId.get(own), DEVICE_BEST, reached.get(own));
    }

    /** Reachable transports per listed node, each list in R12 preference order. */
    private static Map<String, List<Candidate>> candidates(Map<String, MediaNode> byId, DiscoveryReport report) {
        Map<String, EnumMap<MediaTransport, Candidate>> found = new LinkedHashMap<>();
        for (PairResult pair : report.results()) {
            MediaNode node = byId.get(pair.nodeId());
            if (!pair.reachable() || node == null) {
                continue;
            }
            Optional<Integer> port = node.port(pair.transport());
            if (port.isEmpty()) {
                continue;
            }
            found.computeIfAbsent(node.id(), id -> new EnumMap<>(MediaTransport.class))
                    .put(
                            pair.transport(),
                            new Candidate(pair.transport(), node.host(), port.get(), pair.medianRttMillis()));
        }
        Map<String, List<Candidate>> result = new LinkedHashMap<>();
        found.forEach((id, byTransport) -> result.put(id, new ArrayList<>(byTransport.values())));
        return result;
    }

    private static Set<String> reachedIds(Optional<DiscoveryReport> report) {
        return report.map(r -> r.results().stream()
                        .filter(PairResult::reachable)
                        .map(PairResult::nodeId)
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
    }

    private static Optional<String> best(Map<String, List<Candidate>> reached, Predicate<String> allowed) {
        Comparator<Map.Entry<String, List<Candidate>>> byTransport =
                Comparator.comparing(entry -> entry.getValue().get(0).transport());
        Comparator<Map.Entry<String, List<Candidate>>> byRtt =
                Comparator.comparingDouble(entry -> entry.getValue().get(0).medianRttMillis());
        return reached.entrySet().stream()
                .filter(entry -> allowed.test(entry.getKey()))
                .min(byTransport.thenComparing(byRtt).thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey);
    }
}
