package com.roomagent.agent.meeting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.roomagent.agent.media.MediaAssignment;
import com.roomagent.agent.media.MediaPath;
import com.roomagent.agent.media.MediaPathException;
import com.roomagent.agent.media.PathStatus;
import com.roomagent.agent.signaling.SignalingListener;
import com.roomagent.agent.signaling.SignalingState;
import com.roomagent.av.media.SsrcPlan;
import com.roomagent.protocol.signaling.MeetingAssigned;
import com.roomagent.protocol.signaling.MeetingNotice;
import com.roomagent.protocol.signaling.SignalingJson;
import com.roomagent.protocol.signaling.SignalingMessage;
import com.roomagent.transport.MediaCandidate;
import com.roomagent.transport.stun.ShortTermCredentials;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The room's meeting (R10, docs/signaling.md "Meetings"): sends {@code meeting.join} and {@code
 * meeting.leave}, and follows the cloud's answers: {@code meeting.waiting} (alone: no media, or the
 * media ends when the other room left), {@code meeting.assigned} (open the media path on the node:
 * race, DTLS-SRTP, the call's media) and {@code meeting.refused}. It tells the cloud of every
 * failover of the path once its outcome is known ({@code media.failover}, R14).
 *
 * <p>Threads: events arrive on the signaling thread and are handed to {@code meeting-1}, which
 * opens and closes media paths (they block) and watches the path once a second. {@link #join}, {@link
 * #leave} and {@link #status} may be called from any thread. Ownership: owns the media path it
 * opened, through its {@link MeetingMediaHost}.
 */
public final class MeetingController implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MeetingController.class);
    static final Duration WATCH_INTERVAL = Duration.ofSeconds(1);
    private static final long STOP_WAIT_SECONDS = 10;

    private final MeetingSignals signals;
    private final MeetingMediaHost host;
    private final Clock clock;
    private final ScheduledExecutorService thread;

    // Guarded by this.
    private Meeting current;
    private boolean closed;

    /** One meeting of the room; mutable fields guarded by the controller's lock. */
    private static final class Meeting {
        final String id;
        final Instant joinedAt;
        final long joinNanos;
        String phase = "joining";
        String detail = "waiting for the cloud's answer";
        String node;
        MeetingAssigned assigned;
        int generation;
        MediaPath path;
        long pathOpenedNanos;
        Long joinToMediaMs;
        /** Failovers reported to the cloud, over every path of the meeting. */
        int failoversReported;
        /** How many of the current path's failovers were reported. */
        int pathFailoversReported;

        Meeting(String id, Instant joinedAt) {
            this.id = id;
            this.joinedAt = joinedAt;
            this.joinNanos = System.nanoTime();
        }
    }

    public MeetingController(MeetingSignals signals, MeetingMediaHost host, Clock clock) {
        this.signals = Objects.requireNonNull(signals, "signals");
        this.host = Objects.requireNonNull(host, "host");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread named = new Thread(task, "meeting-1");
            named.setDaemon(true);
            return named;
        });
        thread.scheduleWithFixedDelay(
                this::watch, WATCH_INTERVAL.toMillis(), WATCH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Joins {@code meetingId}: the request goes to the cloud now, or when the event channel opens.
     *
     * @throws IllegalArgumentException when the id is not 1..64 letters, digits, '.', '_', '-'
     * @throws IllegalStateException when the room is in a meeting already
     */
    public void join(String meetingId) {
        if (!MeetingNotice.validMeetingId(meetingId)) {
            throw new IllegalArgumentException(
                    "'" + meetingId + "' is not a meeting id: use 1 to 64 letters, digits, '.', '_' or '-'");
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the agent is stopping");
            }
            if (current != null && !current.phase.equals("refused")) {
                throw new IllegalStateException("the room is in meeting " + current.id + " (" + current.phase
                        + "); leave it first with `room-agent meeting leave`");
            }
            current = new Meeting(meetingId, clock.instant());
        }
        LOG.info("event=meeting-join meeting={}", meetingId);
        signals.join(meetingId);
    }

    /**
     * Leaves the room's meeting: the cloud is told, the media ends and the path closes.
     *
     * @return the meeting left
     * @throws IllegalStateException when the room is in no meeting
     */
    public String leave() {
        Meeting left;
        synchronized (this) {
            left = current;
            if (left == null) {
                throw new IllegalStateException("the room is in no meeting");
            }
            current = null;
            left.generation++;
        }
        LOG.info("event=meeting-leave meeting={} phase={}", left.id, left.phase);
        if (!left.phase.equals("refused")) {
            signals.leave(left.id);
        }
        closePath(left);
        return left.id;
    }

    /** The room's meeting, if it is in one (or its join was just refused). */
    public synchronized Optional<MeetingStatus> status() {
        Meeting m = current;
        if (m == null) {
            return Optional.empty();
        }
        return Optional.of(new MeetingStatus(
                m.id, m.phase, m.detail, m.node, m.joinedAt.toString(), m.joinToMediaMs, m.failoversReported));
    }

    /** The listener to add to the signaling client: meeting events go to {@code meeting-1}. */
    public SignalingListener signalingListener() {
        return new SignalingListener() {
            @Override
            public void stateChanged(SignalingState state) {}

            @Override
            public void eventReceived(SignalingMessage.Event event) {
                onEvent(event);
            }
        };
    }

    /** Takes one cloud event; anything not about meetings is ignored. Any thread. */
    public void onEvent(SignalingMessage.Event event) {
        String name = event.event();
        if (!name.equals(MeetingAssigned.EVENT)
                && !name.equals(MeetingNotice.WAITING)
                && !name.equals(MeetingNotice.REFUSED)) {
            return;
        }
        try {
            thread.execute(() -> handle(event));
        } catch (RejectedExecutionException e) {
            LOG.debug("event=meeting-event-after-close type={}", name);
        }
    }

    private void handle(SignalingMessage.Event event) {
        try {
            if (event.event().equals(MeetingAssigned.EVENT)) {
                assigned(SignalingJson.mapper().treeToValue(event.body(), MeetingAssigned.class));
            } else {
                notice(event.event(), SignalingJson.mapper().treeToValue(event.body(), MeetingNotice.class));
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            LOG.warn(
                    "event=meeting-event-unreadable type={} seq={} error=\"{}\"",
                    event.event(),
                    event.seq(),
                    e.getMessage());
        }
    }

    private void notice(String event, MeetingNotice notice) {
        Meeting m;
        synchronized (this) {
            m = current;
            if (m == null || !m.id.equals(notice.meetingId())) {
                LOG.info("event=meeting-event-stale type={} meeting={}", event, notice.meetingId());
                return;
            }
            m.generation++;
            m.phase = event.equals(MeetingNotice.WAITING) ? "waiting" : "refused";
            m.detail = notice.message();
            m.node = null;
            m.assigned = null;
        }
        LOG.info("event=meeting-{} meeting={} code={}", m.phase, m.id, notice.code());
        closePath(m);
    }

    private void assigned(MeetingAssigned assigned) {
        Meeting m;
        int generation;
        synchronized (this) {
            m = current;
            if (m == null || !m.id.equals(assigned.meetingId())) {
                LOG.info("event=meeting-event-stale type={} meeting={}", MeetingAssigned.EVENT, assigned.meetingId());
                return;
            }
            if (m.assigned != null
                    && m.assigned.nodeId().equals(assigned.nodeId())
                    && m.assigned.username().equals(assigned.username())) {
                return; // the cloud repeated the assignment (a join resent after a reconnection)
            }
            generation = ++m.generation;
            m.assigned = assigned;
            m.phase = "connecting";
            m.node = assigned.nodeId();
            m.detail = "opening the media path to node " + assigned.nodeId();
        }
        closePath(m);
        LOG.info(
                "event=meeting-assigned meeting={} node={} candidates={}",
                m.id,
                assigned.nodeId(),
                assigned.candidates().size());
        long openedNanos = System.nanoTime();
        MediaPath path;
        try {
            path = host.open(m.id, toAssignment(assigned));
        } catch (MediaPathException | IllegalArgumentException | IllegalStateException e) {
            synchronized (this) {
                if (current == m && m.generation == generation) {
                    m.phase = "media-failed";
                    m.detail = e.getMessage();
                }
            }
            LOG.error("event=meeting-media-failed meeting={} error=\"{}\"", m.id, e.getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        boolean keep;
        synchronized (this) {
            keep = !closed && current == m && m.generation == generation;
            if (keep) {
                m.path = path;
                m.pathFailoversReported = 0;
                m.pathOpenedNanos = openedNanos;
                m.phase = "in-media";
                m.detail = "media runs through node " + assigned.nodeId();
            }
        }
        if (!keep) {
            host.close(path); // left, or a newer answer came, while the path opened
        }
    }

    /** Once a second on {@code meeting-1}: time to media, and failovers to report. */
    private void watch() {
        Meeting m;
        MediaPath path;
        synchronized (this) {
            m = current;
            path = m == null ? null : m.path;
        }
        if (path == null) {
            return;
        }
        PathStatus status = path.status();
        synchronized (this) {
            if (m.joinToMediaMs == null && status.timeToMediaMs() != null) {
                m.joinToMediaMs = (m.pathOpenedNanos - m.joinNanos) / 1_000_000 + status.timeToMediaMs();
                LOG.info("event=meeting-media meeting={} join_to_media_ms={}", m.id, m.joinToMediaMs);
            }
        }
        List<PathStatus.Failover> failovers = status.failovers();
        while (true) {
            PathStatus.Failover failover;
            synchronized (this) {
                if (current != m || m.path != path || m.pathFailoversReported >= failovers.size()) {
                    return;
                }
                failover = failovers.get(m.pathFailoversReported);
                boolean resumed = failover.to() != null && failover.gapMs() != null;
                boolean noneLeft = failover.to() == null && status.unavailable() != null;
                if (!resumed && !noneLeft) {
                    return; // the outcome is not known yet
                }
                m.pathFailoversReported++;
                m.failoversReported++;
            }
            signals.failover(new SignalingMessage.MediaFailover(
                    0,
                    m.id,
                    m.node == null ? status.node() : m.node,
                    failover.from(),
                    failover.to(),
                    failover.cause(),
                    failover.gapMs()));
            LOG.info(
                    "event=meeting-failover-reported meeting={} from=\"{}\" to=\"{}\" gap_ms={}",
                    m.id,
                    failover.from(),
                    failover.to(),
                    failover.gapMs());
        }
    }

    private void closePath(Meeting m) {
        MediaPath path;
        synchronized (this) {
            path = m.path;
            m.path = null;
        }
        if (path != null) {
            host.close(path);
        }
    }

    /** The media path's view of the cloud's assignment. */
    static MediaAssignment toAssignment(MeetingAssigned assigned) {
        List<MediaCandidate> candidates = assigned.candidates().stream()
                .map(c -> new MediaCandidate(assigned.nodeId(), c.address(), c.transport(), c.port()))
                .toList();
        MeetingAssigned.Ssrcs ssrcs = assigned.ssrcs();
        return new MediaAssignment(
                assigned.meetingId(),
                assigned.nodeId(),
                assigned.fingerprint(),
                new ShortTermCredentials(assigned.username(), assigned.password()),
                candidates,
                new SsrcPlan(ssrcs.localVideo(), ssrcs.localAudio(), ssrcs.remoteVideo(), ssrcs.remoteAudio()));
    }

    /** Ends the meeting's media without telling the cloud (the agent stops; the cloud keeps the seat). */
    @Override
    public void close() {
        Meeting m;
        synchronized (this) {
            closed = true;
            m = current;
        }
        thread.shutdownNow();
        try {
            thread.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (m != null) {
            closePath(m);
        }
    }
}
