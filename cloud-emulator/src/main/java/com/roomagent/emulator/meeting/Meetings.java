package com.roomagent.emulator.meeting;

import com.roomagent.emulator.signaling.DiscoveryReportStore;
import com.roomagent.protocol.discovery.DiscoveryReport;
import com.roomagent.protocol.discovery.MediaNode;
import com.roomagent.protocol.discovery.NodeList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The emulated cloud's meetings (R10): who is in which meeting and which node each participant was
 * given. A join chooses the node with {@link AssignmentPolicy} from the node list and the latest
 * discovery reports in the {@link DiscoveryReportStore}; a device is in at most one meeting, and
 * joining another leaves the first.
 *
 * <p>Thread-safe: every method synchronizes on the registry. {@link MeetingCoordinator} drives it
 * from the event channel.
 */
public final class Meetings {
    private final NodeList nodeList;
    private final DiscoveryReportStore reports;
    private final Map<String, Map<String, NodeAssignment>> participantsByMeeting = new HashMap<>();
    private final Map<String, String> meetingByDevice = new HashMap<>();
    private final Map<String, Map<String, ParticipantSsrcs>> ssrcsByMeeting = new HashMap<>();
    private final Map<String, Long> nextSsrcByMeeting = new HashMap<>();

    public Meetings(NodeList nodeList, DiscoveryReportStore reports) {
        this.nodeList = Objects.requireNonNull(nodeList, "nodeList");
        this.reports = Objects.requireNonNull(reports, "reports");
    }

    /**
     * Adds {@code deviceId} to {@code meetingId} and chooses its node; a device already in the
     * meeting is assigned again from its latest report.
     *
     * @throws NoReachableNodeException when the device has no discovery report, or its latest one
     *     reached no listed node; the device is then in no meeting
     */
    public synchronized NodeAssignment join(String meetingId, String deviceId) throws NoReachableNodeException {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(deviceId, "deviceId");
        leave(deviceId);
        DiscoveryReport report = reports.latest(deviceId)
                .orElseThrow(() -> new NoReachableNodeException("device " + deviceId
                        + " has sent no discovery report, so no media node can be chosen for meeting "
                        + meetingId + "; let discovery finish (room-agent discover) and rejoin"));
        List<Optional<DiscoveryReport>> others = new ArrayList<>();
        for (String other : participants(meetingId)) {
            others.add(reports.latest(other));
        }
        NodeAssignment assignment = AssignmentPolicy.choose(nodeList.nodes(), report, others);
        participantsByMeeting
                .computeIfAbsent(meetingId, id -> new LinkedHashMap<>())
                .put(deviceId, assignment);
        meetingByDevice.put(deviceId, meetingId);
        long next = nextSsrcByMeeting.getOrDefault(meetingId, ParticipantSsrcs.FIRST);
        ssrcsByMeeting
                .computeIfAbsent(meetingId, id -> new LinkedHashMap<>())
                .put(deviceId, new ParticipantSsrcs(next, next + 1));
        nextSsrcByMeeting.put(meetingId, next + 2);
        return assignment;
    }

    /**
     * Removes {@code deviceId} from its meeting; a meeting left empty ends.
     *
     * @return the meeting left, or empty when the device was in none
     */
    public synchronized Optional<String> leave(String deviceId) {
        String meetingId = meetingByDevice.remove(deviceId);
        if (meetingId == null) {
            return Optional.empty();
        }
        Map<String, NodeAssignment> participants = participantsByMeeting.get(meetingId);
        participants.remove(deviceId);
        ssrcsByMeeting.get(meetingId).remove(deviceId);
        if (participants.isEmpty()) {
            participantsByMeeting.remove(meetingId);
            ssrcsByMeeting.remove(meetingId);
            nextSsrcByMeeting.remove(meetingId);
        }
        return Optional.of(meetingId);
    }

    /**
     * Chooses another node for the participants of {@code meetingId}, none of {@code excluded}: a
     * Video Mesh node, else a cloud node, that every participant reached in its latest report (the
     * node of a meeting whose node stopped answering). The participants' stored assignments move to
     * it.
     *
     * @return the new node, or empty when the meeting has fewer than two participants or no other
     *     node is reachable by all of them
     */
    public synchronized Optional<NodeAssignment> reassign(String meetingId, Set<String> excluded) {
        List<String> participants = new ArrayList<>(participants(meetingId));
        if (participants.size() < 2) {
            return Optional.empty();
        }
        String last = participants.get(participants.size() - 1);
        Optional<DiscoveryReport> report = reports.latest(last);
        if (report.isEmpty()) {
            return Optional.empty();
        }
        List<MediaNode> allowed = nodeList.nodes().stream()
                .filter(node -> !excluded.contains(node.id()))
                .toList();
        List<Optional<DiscoveryReport>> others = new ArrayList<>();
        for (String other : participants.subList(0, participants.size() - 1)) {
            others.add(reports.latest(other));
        }
        NodeAssignment assignment;
        try {
            assignment = AssignmentPolicy.choose(allowed, report.get(), others);
        } catch (NoReachableNodeException e) {
            return Optional.empty();
        }
        if (assignment.reason().equals(AssignmentPolicy.DEVICE_BEST)) {
            return Optional.empty();
        }
        participantsByMeeting.get(meetingId).replaceAll((device, old) -> assignment);
        return Optional.of(assignment);
    }

    /** The meeting {@code deviceId} is in, if any. */
    public synchronized Optional<String> meetingOf(String deviceId) {
        return Optional.ofNullable(meetingByDevice.get(deviceId));
    }

    /** The devices in {@code meetingId}, in join order; empty for a meeting nobody is in. */
    public synchronized Set<String> participants(String meetingId) {
        return new LinkedHashSet<>(
                participantsByMeeting.getOrDefault(meetingId, Map.of()).keySet());
    }

    /** The node {@code deviceId} was given in its current meeting. */
    public synchronized Optional<NodeAssignment> assignment(String deviceId) {
        String meetingId = meetingByDevice.get(deviceId);
        return meetingId == null
                ? Optional.empty()
                : Optional.of(participantsByMeeting.get(meetingId).get(deviceId));
    }

    /**
     * The SSRCs every participant of {@code meetingId} sends with, by device, in join order. Each
     * join takes the next two values of the meeting (video, then audio), starting at 4096; values
     * are not reused while the meeting lasts, so a rejoining device gets new ones and the relay
     * never confuses its old and new streams.
     */
    public synchronized Map<String, ParticipantSsrcs> ssrcs(String meetingId) {
        return new LinkedHashMap<>(ssrcsByMeeting.getOrDefault(meetingId, Map.of()));
    }
}
