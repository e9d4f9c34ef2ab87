package com.roomagent.agent.media;

import com.roomagent.agent.call.CallMedia;
import com.roomagent.agent.call.CallMediaRequest;
import com.roomagent.agent.call.CallStatus;
import com.roomagent.av.media.MediaException;
import com.roomagent.av.srtp.SrtpKeyPair;
import com.roomagent.transport.ChannelOpener;
import com.roomagent.transport.MediaCandidate;
import com.roomagent.transport.PacketKind;
import com.roomagent.transport.channel.RealChannelOpener;
import com.roomagent.transport.dtls.CertificateFingerprint;
import com.roomagent.transport.dtls.DtlsCertificate;
import com.roomagent.transport.dtls.DtlsHandshakeException;
import com.roomagent.transport.dtls.DtlsSrtpHandshake;
import com.roomagent.transport.dtls.SrtpKeyingMaterial;
import com.roomagent.transport.failover.FailoverDecision;
import com.roomagent.transport.failover.FailoverPolicy;
import com.roomagent.transport.keepalive.PathEvent;
import com.roomagent.transport.keepalive.PathKeepalive;
import com.roomagent.transport.keepalive.StunKeepalive;
import com.roomagent.transport.race.AttemptRecord;
import com.roomagent.transport.race.ConnectedPath;
import com.roomagent.transport.race.RaceResult;
import com.roomagent.transport.race.StunAttemptStarter;
import com.roomagent.transport.race.TransportRace;
import com.roomagent.transport.stun.BindingTransaction;
import com.roomagent.transport.timing.ExecutorScheduler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's media path (issue 5, docs/media-path.md "In the agent"): races the assignment's
 * candidates ({@link TransportRace}), keeps the winner's {@code StunSession} as the channel's
 * demultiplexer (RFC 7983), runs the DTLS-SRTP client over it pinning the node's fingerprint (RFC
 * 5763, 5764), starts the call's media with the keys, and holds the path with STUN keepalives
 * (RFC 7675). When the keepalive reports the path lost, {@link FailoverPolicy} picks the next
 * candidates (the node's other transports first), the race runs again among them, a new handshake
 * gives new keys, and the same {@link CallMedia} is re-keyed and moved to the new channel: the
 * media pipeline is never restarted. When no candidate answers (failover found none, or its race
 * failed) the path is {@code unavailable} and races every candidate again after a backoff with
 * jitter ({@link PathRetry}, {@code media.retryMinDelay}..{@code media.retryMaxDelay}) until it
 * carries media again or the meeting is left; the call's media waits, silent, meanwhile.
 *
 * <p>Time to media is measured from {@link #open} to the first far-end media the session counts
 * after SRTP authentication (a received RTP packet in its statistics, or a decoded video frame),
 * polled every {@value #WATCH_POLL_MS} ms. A failover's gap runs from the last SRTP packet received
 * on the lost path to the first such media after the re-key.
 *
 * <p>Threads: the race, keepalive, media watch and retry timer run on {@code media-path-<call>};
 * failovers and retries on {@code media-path-failover-<call>}; packets arrive on the channel's
 * reader. Ownership: owns the channel of the path in use, its DTLS handshake and keepalive, and
 * ends the call's media through its {@link CallMediaHost} when closed.
 */
public final class MediaPath implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MediaPath.class);
    static final long WATCH_POLL_MS = 20;
    private static final Duration WATCH_LIMIT = Duration.ofSeconds(60);
    private static final Duration RACE_MARGIN = Duration.ofSeconds(2);

    /** Where the call's media runs: the daemon, or two rooms in a test. */
    public interface CallMediaHost {
        /** Starts the call's media on the first keyed path. */
        CallMedia start(CallMediaRequest request) throws MediaException;

        /** Ends it when the path closes. */
        void end(CallMedia media);
    }

    private final String callId;
    private final MediaAssignment assignment;
    private final MediaPathSettings settings;
    private final ChannelOpener opener;
    private final CallMediaHost host;
    private final Clock clock;
    private final CertificateFingerprint nodeFingerprint;
    private final DtlsCertificate certificate;
    private final ExecutorScheduler scheduler;
    private final ExecutorService failoverThread;
    private final long startNanos = System.nanoTime();
    private volatile long lastSrtpNanos;
    private volatile CallMedia media;

    // Guarded by this.
    private Leg current;
    private String state = "connecting";
    private final Set<MediaCandidate> dead = new HashSet<>();
    private final List<FailoverRecord> failovers = new ArrayList<>();
    private Long timeToMediaMs;
    private boolean closed;
    private final PathRetry retry;
    private PathRetry.Next pendingRetry;
    private Instant unavailableSince;
    private FailoverRecord unrecovered;

    private MediaPath(
            String callId,
            MediaAssignment assignment,
            MediaPathSettings settings,
            ChannelOpener opener,
            CallMediaHost host,
            Clock clock,
            CertificateFingerprint nodeFingerprint) {
        this.callId = callId;
        this.assignment = assignment;
        this.settings = settings;
        this.opener = opener;
        this.host = host;
        this.clock = clock;
        this.nodeFingerprint = nodeFingerprint;
        this.certificate = DtlsCertificate.selfSigned("room-agent call " + callId, clock);
        this.retry = new PathRetry(settings.retry(), new Random());
        this.scheduler = new ExecutorScheduler("media-path-" + callId);
        this.failoverThread = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "media-path-failover-" + callId);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Sets up the path and starts the call's media on it; returns once the media runs (far-end
     * media may follow). Blocks for at most about {@code raceTimeout + dtlsHandshakeTimeout}.
     *
     * @param tlsOrNull trust for the media nodes' TLS port; null skips TLS candidates
     * @throws MediaPathException naming every candidate's failure when none answered, the
     *     fingerprint mismatch or handshake failure, or the media's failure to start; nothing is
     *     left running
     */
    public static MediaPath open(
            String callId,
            MediaAssignment assignment,
            MediaPathSettings settings,
            SSLContext tlsOrNull,
            CallMediaHost host,
            Clock clock)
            throws MediaPathException, InterruptedException {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(assignment, "assignment");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(clock, "clock");
        CertificateFingerprint fingerprint;
        try {
            fingerprint = CertificateFingerprint.parse(assignment.fingerprint());
        } catch (IllegalArgumentException e) {
            throw new MediaPathException("the media assignment for meeting " + assignment.meetingId() + " carries an"
                    + " unusable DTLS fingerprint for node " + assignment.nodeId() + ": " + e.getMessage()
                    + " (expected RFC 8122 form \"sha-256 AB:CD:...\"); the call has no media");
        }
        RealChannelOpener opener = new RealChannelOpener(settings.channel(), tlsOrNull);
        MediaPath path = new MediaPath(callId, assignment, settings, opener, host, clock, fingerprint);
        try {
            path.connect();
            return path;
        } catch (MediaPathException | InterruptedException | RuntimeException e) {
            path.close();
            throw e;
        }
    }

    private void connect() throws MediaPathException, InterruptedException {
        LOG.info(
                "event=media-path-opening call={} meeting={} node={} candidates={}",
                callId,
                assignment.meetingId(),
                assignment.nodeId(),
                assignment.candidates().size());
        Keyed keyed = raceAndKey(assignment.candidates());
        CallMedia started;
        try {
            started = host.start(new CallMediaRequest(callId, assignment.ssrcs(), keyed.keys, keyed.leg.channel()));
        } catch (MediaException | RuntimeException e) {
            keyed.leg.close();
            throw new MediaPathException(
                    "the call's media did not start on " + keyed.leg.describe() + ": " + e.getMessage(), e);
        }
        media = started;
        install(keyed.leg);
        watchForMedia(0, firstNanos -> {
            synchronized (this) {
                timeToMediaMs = millis(firstNanos - startNanos);
            }
            LOG.info(
                    "event=media-path-first-media call={} time_to_media_ms={}",
                    callId,
                    millis(firstNanos - startNanos));
        });
    }

    /** A keyed path, not yet carrying the call. */
    private record Keyed(Leg leg, SrtpKeyPair keys) {}

    private Keyed raceAndKey(List<MediaCandidate> candidates) throws MediaPathException, InterruptedException {
        TransportRace race = new TransportRace(
                settings.race(), scheduler, new StunAttemptStarter(opener, settings.race(), assignment.credentials()));
        RaceResult result;
        try {
            result = race.run(candidates)
                    .get(settings.race().raceTimeout().plus(RACE_MARGIN).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new MediaPathException(
                    "the transport race to media node " + assignment.nodeId() + " did not end: " + e, e);
        }
        synchronized (this) {
            for (AttemptRecord attempt : result.attempts()) {
                if (attempt.outcome() == AttemptRecord.Outcome.FAILED) {
                    dead.add(attempt.candidate());
                }
            }
        }
        if (result.winner().isEmpty()) {
            StringBuilder failures = new StringBuilder();
            for (AttemptRecord attempt : result.attempts()) {
                failures.append(failures.length() == 0 ? "" : "; ").append(attempt.describe());
            }
            throw new MediaPathException("no media path to node " + assignment.nodeId() + " for meeting "
                    + assignment.meetingId() + ": " + failures
                    + ". Check that the network lets UDP 5004, TCP 5004 or TLS 443 through (docs/media-path.md)");
        }
        ConnectedPath winner = result.winner().get();
        Leg leg = new Leg(winner);
        DtlsSrtpHandshake dtls;
        try {
            dtls = DtlsSrtpHandshake.client(winner.channel(), certificate, nodeFingerprint);
        } catch (IOException e) {
            winner.close();
            throw new MediaPathException("could not start DTLS over " + leg.describe() + ": " + e.getMessage(), e);
        }
        leg.dtls = dtls;
        winner.stun().downstream(leg::packet);
        winner.stun().onClosed(dtls::channelClosed);
        SrtpKeyingMaterial material;
        long dtlsStart = System.nanoTime();
        try {
            material = dtls.keys(settings.dtlsHandshakeTimeout());
        } catch (DtlsHandshakeException e) {
            leg.close();
            String what = e.reason() == DtlsHandshakeException.Reason.FINGERPRINT_MISMATCH
                    ? "media node " + assignment.nodeId() + " presented a DTLS certificate that does not match the"
                            + " fingerprint signaling announced; no media is sent to it (is something between the"
                            + " room and the node intercepting?): "
                    : "the DTLS handshake with media node " + assignment.nodeId() + " over " + leg.describe()
                            + " failed (" + e.reason() + "): ";
            throw new MediaPathException(what + e.getMessage(), e);
        }
        LOG.info(
                "event=media-path-keyed call={} path=\"{}\" race_ms={} dtls_ms={}",
                callId,
                leg.describe(),
                result.elapsed().toMillis(),
                millis(System.nanoTime() - dtlsStart));
        try {
            return new Keyed(
                    leg, SrtpKeyPair.fromKeyingMaterial(material.exported(), com.roomagent.av.srtp.DtlsRole.CLIENT));
        } finally {
            material.destroy();
        }
    }

    /** Makes {@code leg} the path in use: packets reach the media, the keepalive runs. */
    private void install(Leg leg) {
        synchronized (this) {
            if (closed) {
                leg.close();
                return;
            }
            current = leg;
            state = "up";
            pendingRetry = null;
            unavailableSince = null;
            unrecovered = null;
            retry.recovered();
            leg.lastAnswerNanos = System.nanoTime();
            leg.smoothedRtt = leg.path.rtt();
        }
        leg.carrying = true;
        leg.keepalive = StunKeepalive.start(
                leg.path.stun(), settings.keepalive(), scheduler, event -> onPathEvent(leg, event), leg.describe());
        if (leg.srtpSeen) {
            leg.keepalive.mediaExpected(true);
        }
        BindingTransaction mapped = leg.path.stun().newBinding();
        mapped.response().whenComplete((answer, error) -> {
            if (answer != null) {
                answer.mappedAddress().ifPresent(address -> leg.mappedAddress = hostPort(address));
            }
        });
        try {
            mapped.send();
        } catch (IOException e) {
            LOG.debug("event=media-path-mapped-probe-failed call={} error=\"{}\"", callId, e.getMessage());
        }
        LOG.info(
                "event=media-path-up call={} path=\"{}\" rtt_ms={}",
                callId,
                leg.describe(),
                leg.path.rtt().toMillis());
    }

    /** The keepalive's thread, with its lock held: only record, and hand a loss to the failover thread. */
    private void onPathEvent(Leg leg, PathEvent event) {
        if (event instanceof PathEvent.PathAlive alive) {
            leg.smoothedRtt = alive.smoothedRtt();
            leg.lastAnswerNanos = System.nanoTime();
        } else if (event instanceof PathEvent.PathLost lost) {
            leg.lost = true;
            try {
                failoverThread.execute(() -> failover(leg, lost));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.debug("event=media-path-loss-after-close call={}", callId);
            }
        }
    }

    private void failover(Leg lostLeg, PathEvent.PathLost lost) {
        long noticed = System.nanoTime();
        FailoverRecord record = new FailoverRecord(clock.instant(), lostLeg.describe(), lost, noticed, lastSrtpNanos);
        FailoverDecision decision;
        synchronized (this) {
            if (closed || current != lostLeg) {
                return;
            }
            state = "failing-over";
            dead.add(lostLeg.path.candidate());
            failovers.add(record);
            decision = FailoverPolicy.decide(assignment.candidates(), lostLeg.path.candidate(), dead, lost);
        }
        lostLeg.close();
        LOG.warn(
                "event=media-failover call={} lost=\"{}\" cause={} next={} reason=\"{}\"",
                callId,
                lostLeg.describe(),
                lost.cause(),
                decision.next().size(),
                decision.reason());
        if (decision.next().isEmpty()) {
            becomeUnavailable(decision.reason(), record);
            return;
        }
        Keyed keyed;
        try {
            keyed = raceAndKey(decision.next());
        } catch (MediaPathException e) {
            LOG.error("event=media-failover-failed call={} error=\"{}\"", callId, e.getMessage());
            becomeUnavailable(e.getMessage(), record);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        carry(keyed, record);
    }

    /**
     * No candidate answered: the path is unavailable, and the next attempt is scheduled on the
     * retry backoff.
     *
     * @param lossOrNull the failover that found no path (a retry that failed passes null)
     */
    private void becomeUnavailable(String cause, FailoverRecord lossOrNull) {
        PathRetry.Next next;
        Instant now = clock.instant();
        synchronized (this) {
            if (closed) {
                return;
            }
            state = "unavailable";
            if (unavailableSince == null) {
                unavailableSince = now;
            }
            if (lossOrNull != null) {
                unrecovered = lossOrNull;
            }
            next = retry.failed(cause, now);
            pendingRetry = next;
        }
        Duration wait = next.waitFrom(now);
        LOG.warn(
                "event=media-path-unavailable call={} failed_attempts={} next_attempt_in_ms={} cause=\"{}\"",
                callId,
                next.failures(),
                wait.toMillis(),
                cause);
        scheduler.schedule(wait, () -> {
            try {
                failoverThread.execute(this::retryNow);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.debug("event=media-path-retry-after-close call={}", callId);
            }
        });
    }

    /** The failover thread: races every candidate of the assignment again, as at the join. */
    private void retryNow() {
        FailoverRecord loss;
        int attempt;
        synchronized (this) {
            if (closed || !"unavailable".equals(state) || pendingRetry == null) {
                return;
            }
            state = "connecting";
            dead.clear(); // the network may have changed: every candidate gets another chance
            loss = unrecovered;
            attempt = pendingRetry.failures() + 1;
        }
        LOG.info("event=media-path-retry call={} attempt={}", callId, attempt);
        Keyed keyed;
        try {
            keyed = raceAndKey(assignment.candidates());
        } catch (MediaPathException e) {
            becomeUnavailable(e.getMessage(), null);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            synchronized (this) {
                if (closed) {
                    return;
                }
            }
            becomeUnavailable("the retry failed: " + e, null);
            return;
        }
        LOG.info("event=media-path-recovered call={} path=\"{}\" attempt={}", callId, keyed.leg.describe(), attempt);
        carry(keyed, loss);
    }

    /**
     * Moves the call's media to a keyed path after a loss: re-key, new channel, same pipeline.
     *
     * @param recordOrNull the loss to complete with where media went, the recovery and the gap
     */
    private void carry(Keyed keyed, FailoverRecord recordOrNull) {
        CallMedia call = media;
        synchronized (this) {
            if (closed) {
                keyed.leg.close();
                return;
            }
        }
        long baseline = mediaCount(call);
        call.rekey(keyed.keys);
        call.transportChanged(keyed.leg.channel());
        install(keyed.leg);
        long keyedAt = System.nanoTime();
        if (recordOrNull == null) {
            return;
        }
        FailoverRecord record = recordOrNull;
        synchronized (this) {
            record.to = keyed.leg.describe();
            record.recoveryMs = millis(keyedAt - record.noticedNanos);
        }
        watchForMedia(baseline, firstNanos -> {
            long gap = millis(firstNanos - (record.lastMediaNanos == 0 ? record.noticedNanos : record.lastMediaNanos));
            synchronized (this) {
                record.gapMs = gap;
            }
            LOG.info(
                    "event=media-failover-done call={} to=\"{}\" cause={} gap_ms={} recovery_ms={}",
                    callId,
                    keyed.leg.describe(),
                    record.lost.cause(),
                    gap,
                    millis(keyedAt - record.noticedNanos));
        });
    }

    /** Polls the media's counters until they pass {@code baseline}; bounded by {@link #WATCH_LIMIT}. */
    private void watchForMedia(long baseline, LongConsumer firstAt) {
        long deadline = System.nanoTime() + WATCH_LIMIT.toNanos();
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
            CallMedia call = media;
            boolean stop;
            synchronized (this) {
                stop = closed;
            }
            if (stop || call == null) {
                return;
            }
            if (mediaCount(call) > baseline) {
                firstAt.accept(System.nanoTime());
            } else if (System.nanoTime() < deadline) {
                scheduler.schedule(Duration.ofMillis(WATCH_POLL_MS), poll[0]);
            } else {
                LOG.warn("event=media-path-no-media call={} waited_ms={}", callId, WATCH_LIMIT.toMillis());
            }
        };
        scheduler.execute(poll[0]);
    }

    /** Far-end media counted after SRTP authentication: received RTP packets plus decoded frames. */
    private static long mediaCount(CallMedia call) {
        CallStatus status = call.status();
        long packets = status.streams().stream()
                .filter(stream -> stream.direction().equals("received"))
                .mapToLong(CallStatus.Stream::packets)
                .sum();
        return packets + status.received().videoFrames();
    }

    /** The call's media, started on the first keyed path; the same instance across failovers. */
    public CallMedia media() {
        return media;
    }

    /** For status ({@code call.path}) and the report. */
    public synchronized PathStatus status() {
        Leg leg = current;
        List<PathStatus.Failover> history = new ArrayList<>();
        for (FailoverRecord record : failovers) {
            history.add(record.status());
        }
        long now = System.nanoTime();
        return new PathStatus(
                assignment.meetingId(),
                state,
                leg == null ? assignment.nodeId() : leg.path.candidate().nodeId(),
                leg == null ? null : leg.path.candidate().transport().id(),
                leg == null ? null : hostPort(leg.channel().localAddress()),
                leg == null ? null : leg.mappedAddress,
                leg == null ? null : hostPort(leg.channel().remoteAddress()),
                leg == null ? null : leg.smoothedRtt.toNanos() / 1_000_000.0,
                leg == null ? null : leg.lost ? "lost" : "alive",
                leg == null ? null : millis(now - leg.lastAnswerNanos),
                timeToMediaMs,
                history,
                unavailableStatus());
    }

    /** Guarded by this. */
    private PathStatus.Unavailable unavailableStatus() {
        PathRetry.Next next = pendingRetry;
        if (next == null || unavailableSince == null) {
            return null;
        }
        long inMs = "unavailable".equals(state) ? next.waitFrom(clock.instant()).toMillis() : 0;
        return new PathStatus.Unavailable(next.cause(), unavailableSince.toString(), next.failures(), inMs);
    }

    /** Ends the call's media, then closes the path. Idempotent. */
    @Override
    public void close() {
        Leg leg;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            state = "closed";
            leg = current;
        }
        failoverThread.shutdownNow();
        CallMedia call = media;
        if (call != null) {
            host.end(call);
        }
        if (leg != null) {
            leg.close();
        }
        scheduler.close();
        LOG.info("event=media-path-closed call={}", callId);
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    private static String hostPort(InetSocketAddress address) {
        return address == null ? null : address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    /** One candidate's keyed path; fields set before it carries media, or volatile. */
    private final class Leg {
        final ConnectedPath path;
        DtlsSrtpHandshake dtls;
        volatile PathKeepalive keepalive;
        volatile boolean carrying;
        volatile boolean srtpSeen;
        volatile boolean lost;
        volatile Duration smoothedRtt;
        volatile long lastAnswerNanos;
        volatile String mappedAddress;

        Leg(ConnectedPath path) {
            this.path = path;
            this.smoothedRtt = path.rtt();
        }

        com.roomagent.transport.MediaChannel channel() {
            return path.channel();
        }

        String describe() {
            return path.candidate().describe();
        }

        /** The channel's reader: DTLS to the handshake, SRTP to the media once this leg carries it. */
        void packet(byte[] packet) {
            PacketKind kind = PacketKind.of(packet);
            if (kind == PacketKind.DTLS) {
                dtls.deliver(packet);
            } else if (kind == PacketKind.SRTP && carrying) {
                lastSrtpNanos = System.nanoTime();
                if (!srtpSeen) {
                    srtpSeen = true;
                    PathKeepalive watching = keepalive;
                    if (watching != null) {
                        watching.mediaExpected(true);
                    }
                }
                CallMedia call = media;
                if (call != null) {
                    call.packet(packet);
                }
            }
        }

        void close() {
            carrying = false;
            PathKeepalive watching = keepalive;
            if (watching != null) {
                watching.close();
            }
            if (dtls != null) {
                dtls.close();
            }
            path.close();
        }
    }

    /** One failover's record; mutable fields guarded by the path's lock. */
    private static final class FailoverRecord {
        final Instant at;
        final String from;
        final PathEvent.PathLost lost;
        final long noticedNanos;
        final long lastMediaNanos;
        String to;
        Long gapMs;
        Long recoveryMs;

        FailoverRecord(Instant at, String from, PathEvent.PathLost lost, long noticedNanos, long lastMediaNanos) {
            this.at = at;
            this.from = from;
            this.lost = lost;
            this.noticedNanos = noticedNanos;
            this.lastMediaNanos = lastMediaNanos;
        }

        PathStatus.Failover status() {
            return new PathStatus.Failover(
                    at.toString(),
                    from,
                    to,
                    lost.cause().name(),
                    lost.detail().isEmpty() ? null : lost.detail(),
                    gapMs,
                    recoveryMs);
        }
    }
}
