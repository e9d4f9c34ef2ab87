package com.roomagent.emulator.meeting;

import com.fasterxml.jackson.databind.JsonNode;
import com.roomagent.emulator.medianode.MediaAdmission;
import com.roomagent.emulator.medianode.MediaNodes;
import com.roomagent.emulator.signaling.DiscoveryReportStore;
import com.roomagent.emulator.signaling.MeetingRequests;
import com.roomagent.emulator.signaling.Registrations;
import com.roomagent.protocol.discovery.DiscoveryReport;
import com.roomagent.protocol.discovery.MediaNode;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.discovery.PairResult;
import com.roomagent.protocol.signaling.MeetingAssigned;
import com.roomagent.protocol.signaling.MeetingNotice;
import com.roomagent.protocol.signaling.SignalingJson;
import com.roomagent.protocol.signaling.SignalingMessage;
import com.roomagent.transport.MediaCandidate;
import com.roomagent.transport.stun.ShortTermCredentials;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cloud's side of meeting signaling (R10, docs/signaling.md "Meetings"): answers a device's
 * {@code meeting.join} and {@code meeting.leave} with events, and admits the participants on the
 * node they share.
 *
 * <p>The emulator's meetings are two-party calls, because its node relays between exactly two
 * legs and the agent's call is two-party ({@code SsrcPlan}). The first participant is told {@code
 * meeting.waiting}; when the second joins, the node is chosen for the pair (a Video Mesh node both
 * reached, else a cloud node both reached, see {@link AssignmentPolicy}), both are admitted on it
 * with fresh STUN credentials, and each gets {@code meeting.assigned} with the other's SSRCs as its
 * remote ones. A pair with no common node is refused ({@code no-common-node}): the emulator does
 * not cascade nodes. When one leaves, its admission ends on the node and the other is told {@code
 * meeting.waiting} ({@code participant-left}). When a room reports that it lost every candidate of
 * the node, the meeting moves to another node both rooms reached, and both get a new {@code
 * meeting.assigned}.
 *
 * <p>Thread-safe: every request runs under this object's lock, so the two participants' views
 * never disagree.
 */
public final class MeetingCoordinator implements MeetingRequests {
    private static final Logger log = LoggerFactory.getLogger(MeetingCoordinator.class);
    private static final int MAX_PARTICIPANTS = 2;
    private static final int USERNAME_BYTES = 8;
    private static final int PASSWORD_BYTES = 24;

    /** A meeting whose two participants were admitted on one node. */
    private record Admitted(String nodeId, Map<String, MeetingAssigned> byDevice) {}

    private final Meetings meetings;
    private final MediaNodes nodes;
    private final Registrations registrations;
    private final DiscoveryReportStore reports;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Admitted> admitted = new LinkedHashMap<>();
    private final Map<String, List<SignalingMessage.MediaFailover>> failovers = new LinkedHashMap<>();
    /** Per meeting, the nodes a participant reported as lost with no candidate left. */
    private final Map<String, Set<String>> lostNodes = new LinkedHashMap<>();

    /**
     * @param meetings who is in which meeting; its node choice reads {@code reports}
     * @param reports the discovery reports devices sent over their event channels
     */
    public MeetingCoordinator(
            Meetings meetings, MediaNodes nodes, Registrations registrations, DiscoveryReportStore reports) {
        this.meetings = meetings;
        this.nodes = nodes;
        this.registrations = registrations;
        this.reports = reports;
    }

    @Override
    public synchronized void join(String deviceId, SignalingMessage.MeetingJoin join) {
        String meetingId = join.meetingId();
        if (!MeetingNotice.validMeetingId(meetingId)) {
            tell(
                    deviceId,
                    MeetingNotice.REFUSED,
                    new MeetingNotice(
                            safe(meetingId),
                            MeetingNotice.BAD_MEETING_ID,
                            "a meeting id is 1 to 64 letters, digits, '.', '_' or '-'; choose another"));
            return;
        }
        Set<String> present = meetings.participants(meetingId);
        if (present.contains(deviceId)) {
            repeat(deviceId, meetingId);
            return;
        }
        if (present.size() >= MAX_PARTICIPANTS) {
            refuse(
                    deviceId,
                    meetingId,
                    MeetingNotice.MEETING_FULL,
                    "meeting " + meetingId + " already has its " + MAX_PARTICIPANTS
                            + " participants; the emulator's media node relays two-party calls only");
            return;
        }
        leaveCurrent(deviceId);
        NodeAssignment assignment;
        try {
            assignment = meetings.join(meetingId, deviceId);
        } catch (NoReachableNodeException e) {
            refuse(deviceId, meetingId, MeetingNotice.NO_REACHABLE_NODE, e.getMessage());
            return;
        }
        List<String> participants = List.copyOf(meetings.participants(meetingId));
        log.info("event=meeting_joined meeting={} device={} participants={}", meetingId, deviceId, participants.size());
        if (participants.size() == 1) {
            tell(
                    deviceId,
                    MeetingNotice.WAITING,
                    new MeetingNotice(
                            meetingId,
                            MeetingNotice.FIRST_PARTICIPANT,
                            "in meeting " + meetingId + " alone; media starts when another room joins"));
            return;
        }
        if (assignment.reason().equals(AssignmentPolicy.DEVICE_BEST)) {
            meetings.leave(deviceId);
            refuse(
                    deviceId,
                    meetingId,
                    MeetingNotice.NO_COMMON_NODE,
                    "no media node is reachable by both rooms of meeting " + meetingId + " (this room's best is "
                            + assignment.node().id() + "); open the firewall for the cloud's media nodes"
                            + " (room-agent urls) or add a Video Mesh node both rooms reach");
            return;
        }
        admit(meetingId, assignment, participants);
    }

    @Override
    public synchronized void leave(String deviceId, SignalingMessage.MeetingLeave leave) {
        Optional<String> current = meetings.meetingOf(deviceId);
        if (current.isEmpty() || !current.get().equals(leave.meetingId())) {
            log.info(
                    "event=meeting_leave_ignored device={} meeting={} current={}",
                    deviceId,
                    safe(leave.meetingId()),
                    current.orElse("-"));
            return;
        }
        leaveCurrent(deviceId);
    }

    /**
     * {@inheritDoc}
     *
     * <p>A failover with no takeover ({@code to} null: every candidate of the node failed) moves the
     * meeting to another node both rooms reached, when there is one.
     */
    @Override
    public synchronized void failover(String deviceId, SignalingMessage.MediaFailover failover) {
        failovers.computeIfAbsent(deviceId, id -> new ArrayList<>()).add(failover);
        log.info(
                "event=media_failover_reported device={} meeting={} node={} from=\"{}\" to=\"{}\" cause={} gap_ms={}",
                deviceId,
                safe(failover.meetingId()),
                safe(failover.nodeId()),
                safe(failover.from()),
                failover.to() == null ? "-" : safe(failover.to()),
                safe(failover.cause()),
                failover.gapMs() == null ? "-" : failover.gapMs());
        if (failover.to() == null) {
            moveOffLostNode(deviceId, failover);
        }
    }

    /**
     * A participant lost every candidate of its meeting's node: the node is taken as gone for this
     * meeting, and both rooms move to another node they both reached, with fresh admissions (R14:
     * "moves to the next candidate or node"). A second report of the same loss changes nothing.
     */
    private void moveOffLostNode(String deviceId, SignalingMessage.MediaFailover failover) {
        String meetingId = failover.meetingId();
        Admitted current = admitted.get(meetingId);
        if (current == null
                || !current.nodeId().equals(failover.nodeId())
                || !current.byDevice().containsKey(deviceId)) {
            return; // not this meeting's node (anymore): the move already happened
        }
        Set<String> lost = lostNodes.computeIfAbsent(meetingId, id -> new HashSet<>());
        lost.add(failover.nodeId());
        Optional<NodeAssignment> next = meetings.reassign(meetingId, lost);
        if (next.isEmpty()) {
            log.warn(
                    "event=meeting_no_other_node meeting={} lost={} reason=\"no other node is reachable by both rooms\"",
                    meetingId,
                    lost);
            return;
        }
        current.byDevice().keySet().forEach(device -> nodes.dismiss(current.nodeId(), meetingId, device));
        log.info(
                "event=meeting_node_moved meeting={} from={} to={} reported_by={}",
                meetingId,
                current.nodeId(),
                next.get().node().id(),
                deviceId);
        admit(meetingId, next.get(), List.copyOf(meetings.participants(meetingId)));
    }

    /** The failovers {@code deviceId} reported, oldest first. */
    public synchronized List<SignalingMessage.MediaFailover> failovers(String deviceId) {
        return List.copyOf(failovers.getOrDefault(deviceId, List.of()));
    }

    /** The devices in {@code meetingId}, in join order. */
    public Set<String> participants(String meetingId) {
        return meetings.participants(meetingId);
    }

    /** The node both participants of {@code meetingId} were admitted on, once two are in. */
    public synchronized Optional<String> node(String meetingId) {
        return Optional.ofNullable(admitted.get(meetingId)).map(Admitted::nodeId);
    }

    private void admit(String meetingId, NodeAssignment assignment, List<String> participants) {
        MediaNode node = assignment.node();
        Map<String, ParticipantSsrcs> ssrcs = meetings.ssrcs(meetingId);
        Map<String, MeetingAssigned> byDevice = new LinkedHashMap<>();
        for (String device : participants) {
            String other = participants.stream()
                    .filter(id -> !id.equals(device))
                    .findFirst()
                    .orElseThrow();
            ShortTermCredentials credentials = new ShortTermCredentials(token(USERNAME_BYTES), token(PASSWORD_BYTES));
            MediaAdmission admission = nodes.admit(node.id(), meetingId, device, credentials);
            ParticipantSsrcs own = ssrcs.get(device);
            ParticipantSsrcs far = ssrcs.get(other);
            byDevice.put(
                    device,
                    new MeetingAssigned(
                            meetingId,
                            node.id(),
                            admission.fingerprint(),
                            credentials.username(),
                            credentials.password(),
                            ranked(admission.candidates(), reports.latest(device), node.id()),
                            new MeetingAssigned.Ssrcs(own.video(), own.audio(), far.video(), far.audio())));
        }
        admitted.put(meetingId, new Admitted(node.id(), byDevice));
        log.info(
                "event=meeting_assigned meeting={} node={} reason={} participants={}",
                meetingId,
                node.id(),
                assignment.reason(),
                String.join(",", participants));
        byDevice.forEach((device, assigned) -> tell(device, MeetingAssigned.EVENT, assigned));
    }

    /** A repeated join of the meeting the device is in: the current answer again (a resend after a reconnection). */
    private void repeat(String deviceId, String meetingId) {
        Admitted current = admitted.get(meetingId);
        if (current != null && current.byDevice().containsKey(deviceId)) {
            tell(deviceId, MeetingAssigned.EVENT, current.byDevice().get(deviceId));
        } else {
            tell(
                    deviceId,
                    MeetingNotice.WAITING,
                    new MeetingNotice(
                            meetingId,
                            MeetingNotice.FIRST_PARTICIPANT,
                            "in meeting " + meetingId + " alone; media starts when another room joins"));
        }
    }

    /** Takes {@code deviceId} out of its meeting, ends the node's admissions and tells whoever stays. */
    private void leaveCurrent(String deviceId) {
        Optional<String> left = meetings.leave(deviceId);
        if (left.isEmpty()) {
            return;
        }
        String meetingId = left.get();
        Admitted ended = admitted.remove(meetingId);
        lostNodes.remove(meetingId);
        log.info("event=meeting_left meeting={} device={}", meetingId, deviceId);
        if (ended == null) {
            return;
        }
        ended.byDevice().keySet().forEach(device -> nodes.dismiss(ended.nodeId(), meetingId, device));
        for (String stays : meetings.participants(meetingId)) {
            tell(
                    stays,
                    MeetingNotice.WAITING,
                    new MeetingNotice(
                            meetingId,
                            MeetingNotice.PARTICIPANT_LEFT,
                            "the other room left meeting " + meetingId + "; media starts again when a room joins"));
        }
    }

    private void refuse(String deviceId, String meetingId, String code, String message) {
        log.info("event=meeting_refused meeting={} device={} code={}", meetingId, deviceId, code);
        tell(deviceId, MeetingNotice.REFUSED, new MeetingNotice(meetingId, code, message));
    }

    private void tell(String deviceId, String event, Object body) {
        JsonNode json = SignalingJson.mapper().valueToTree(body);
        try {
            registrations.push(deviceId, event, json);
        } catch (IllegalStateException e) {
            // Not registered (anymore): there is no channel to tell, and no replay to hold it for.
            log.info("event=meeting_event_unsent device={} event={} reason=\"{}\"", deviceId, event, e.getMessage());
        }
    }

    /**
     * The node's candidates with the transports the device reached in its latest report first,
     * each group in R12 order: a stale report costs the race a stagger, never a candidate.
     */
    static List<MeetingAssigned.Candidate> ranked(
            List<MediaCandidate> candidates, Optional<DiscoveryReport> report, String nodeId) {
        Set<MediaTransport> reached = report.map(r -> r.results().stream()
                        .filter(pair -> pair.reachable() && pair.nodeId().equals(nodeId))
                        .map(PairResult::transport)
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
        return candidates.stream()
                .sorted(Comparator.comparing((MediaCandidate c) -> !reached.contains(c.transport()))
                        .thenComparing(MediaCandidate::transport))
                .map(c -> new MeetingAssigned.Candidate(c.transport(), c.host(), c.port()))
                .toList();
    }

    private String token(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    /** A device-supplied string for a log line: bounded, printable. */
    private static String safe(String text) {
        if (text == null) {
            return "-";
        }
        String printable = text.replaceAll("[^\\x21-\\x7e]", "?");
        return printable.length() > 80 ? printable.substring(0, 80) + "..." : printable;
    }
}
