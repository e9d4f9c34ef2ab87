package com.roomagent.agent.signaling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.roomagent.agent.discovery.CloudRequestException;
import com.roomagent.protocol.discovery.DiscoveryReport;
import com.roomagent.protocol.signaling.Registration;
import com.roomagent.protocol.signaling.SignalingJson;
import com.roomagent.protocol.signaling.SignalingMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongFunction;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device's registration and event channel (docs/signaling.md): registers over mutual TLS, opens
 * the WebSocket event channel ({@code java.net.http}), says hello, acknowledges events (dropping
 * replayed duplicates), sends discovery reports (R8), pings the cloud and notices a dead channel
 * within {@code heartbeatInterval + heartbeatTimeout}, and after any failure reconnects with
 * exponential backoff and full jitter, resuming the registration it has (or registering again,
 * once, when the cloud no longer knows it).
 *
 * <p>Threads: one, {@code signaling-1}, owned here, makes every change and runs every listener; the
 * HTTP client's threads only hand messages over to it. {@link #status()} may be read from any
 * thread. {@link #close()} stops the thread and closes the channel. The HTTP client belongs to the
 * caller and must carry the device's TLS context ({@link DeviceTls}).
 */
public final class SignalingClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SignalingClient.class);
    private static final long STOP_WAIT_SECONDS = 5;
    private static final long CLOSE_GRACE_MILLIS = 500;

    private final HttpClient http;
    private final RegistrationClient registrations;
    private final SignalingTiming timing;
    private final Clock clock;
    private final Reconnection reconnection;
    private final ScheduledExecutorService thread;
    private final List<SignalingListener> listeners = new CopyOnWriteArrayList<>();

    // Owned by signaling-1.
    private Registration registration;
    private long lastEventSeq;
    private Channel channel;
    private int generation;
    private boolean registeredThisAttempt;
    private int welcomed;
    private long nextPingId;
    private long outstandingPingId;
    private long nextReportSeq;
    private DiscoveryReport pendingReport;
    private long pendingReportSeq;
    /** Meeting messages sent and not yet acknowledged, by sequence number: resent on every new channel. */
    private final Map<Long, SignalingMessage> unacknowledged = new LinkedHashMap<>();

    private ScheduledFuture<?> nextAttempt;
    private ScheduledFuture<?> heartbeat;
    private ScheduledFuture<?> welcomeDeadline;
    private boolean closed;

    /** Set by {@link #close()} before the thread stops: no new attempt is scheduled. */
    private volatile boolean stopping;

    private volatile SignalingState state = new SignalingState.Unregistered();
    private volatile SignalingStatus status = new SignalingStatus("unregistered", null, null, null, 0, 0, null, null);

    /**
     * @param http the client for registration and the channel: device TLS, connect timeout, proxy
     *     (build it with {@code discovery.CloudHttp})
     * @param signalingUri the signaling service's base URL ({@code cloud.signalingUrl})
     * @param random the jitter's randomness
     */
    public SignalingClient(HttpClient http, URI signalingUri, SignalingTiming timing, Clock clock, Random random) {
        this.http = Objects.requireNonNull(http, "http");
        this.timing = Objects.requireNonNull(timing, "timing");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.registrations = new RegistrationClient(http, signalingUri, timing.requestTimeout());
        this.reconnection = new Reconnection(timing.backoff(), random);
        this.thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread named = new Thread(task, "signaling-1");
            named.setDaemon(true);
            return named;
        });
    }

    /** Adds a listener; it first hears of the next change. */
    public void addListener(SignalingListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Starts registering, at once. */
    public void start() {
        run(() -> {
            publish(new SignalingState.Registering());
            attempt();
        });
    }

    /** The current state; any thread. */
    public SignalingState state() {
        return state;
    }

    /** The current status, for the control socket; any thread. */
    public SignalingStatus status() {
        return status;
    }

    /**
     * Sends {@code report} over the event channel now, or once it is open; a newer report replaces
     * one not yet acknowledged.
     */
    public void sendDiscoveryReport(DiscoveryReport report) {
        Objects.requireNonNull(report, "report");
        run(() -> {
            pendingReport = report;
            pendingReportSeq = 0;
            if (channel != null && channel.welcomed) {
                sendPendingReport();
            }
        });
    }

    /**
     * Sends {@code meeting.join} now, or once the channel is open; resent on every new channel until
     * the cloud acknowledges it (docs/signaling.md, "Meetings").
     */
    public void sendMeetingJoin(String meetingId) {
        Objects.requireNonNull(meetingId, "meetingId");
        sendReliably(seq -> new SignalingMessage.MeetingJoin(seq, meetingId));
    }

    /** Sends {@code meeting.leave}, as reliably as {@link #sendMeetingJoin}. */
    public void sendMeetingLeave(String meetingId) {
        Objects.requireNonNull(meetingId, "meetingId");
        sendReliably(seq -> new SignalingMessage.MeetingLeave(seq, meetingId));
    }

    /** Sends {@code media.failover} with {@code failover}'s content under a new sequence number. */
    public void sendMediaFailover(SignalingMessage.MediaFailover failover) {
        Objects.requireNonNull(failover, "failover");
        sendReliably(seq -> new SignalingMessage.MediaFailover(
                seq,
                failover.meetingId(),
                failover.nodeId(),
                failover.from(),
                failover.to(),
                failover.cause(),
                failover.gapMs()));
    }

    private void sendReliably(LongFunction<SignalingMessage> withSeq) {
        run(() -> {
            long seq = ++nextReportSeq;
            SignalingMessage message = withSeq.apply(seq);
            unacknowledged.put(seq, message);
            if (channel != null && channel.welcomed) {
                channel.send(message);
                LOG.info("event=signaling.sent type={} seq={}", typeOf(message), seq);
            } else {
                LOG.info("event=signaling.queued type={} seq={} reason=channel-not-open", typeOf(message), seq);
            }
        });
    }

    private static String typeOf(SignalingMessage message) {
        if (message instanceof SignalingMessage.MeetingJoin) {
            return "meeting.join";
        } else if (message instanceof SignalingMessage.MeetingLeave) {
            return "meeting.leave";
        } else if (message instanceof SignalingMessage.MediaFailover) {
            return "media.failover";
        }
        return message.getClass().getSimpleName();
    }

    /**
     * Closes the channel (normal closure) and stops the signaling thread. A registration or channel
     * attempt in progress is interrupted after {@value #CLOSE_GRACE_MILLIS} ms; waits at most 5 s
     * more. Idempotent.
     */
    @Override
    public void close() {
        stopping = true;
        run(() -> {
            closed = true;
            cancelTimers();
            if (nextAttempt != null) {
                nextAttempt.cancel(false);
            }
            if (channel != null) {
                channel.close("the agent is stopping");
                channel = null;
            }
            publish(new SignalingState.Unregistered());
        });
        thread.shutdown();
        try {
            if (!thread.awaitTermination(CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                // An attempt blocks the thread (a slow cloud): interrupt it rather than wait.
                thread.shutdownNow();
                if (!thread.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    LOG.warn("event=signaling.stop-slow waited_seconds={}", STOP_WAIT_SECONDS);
                    return;
                }
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
            return;
        }
        // The thread has ended: what its dropped close task would have released is ours now.
        if (channel != null) {
            channel.abort();
            channel = null;
        }
        if (!(state instanceof SignalingState.Unregistered)) {
            publish(new SignalingState.Unregistered());
        }
    }

    private void run(Runnable task) {
        try {
            thread.execute(() -> {
                try {
                    task.run();
                } catch (RejectedExecutionException e) {
                    LOG.debug("event=signaling.timer-after-close");
                } catch (RuntimeException e) {
                    // The catch-all of the signaling thread: log, and keep the thread for the next task.
                    LOG.error("event=signaling.crashed error=\"{}\"", e.toString(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("event=signaling.task-after-close");
        }
    }

    /** One registration (when needed) and channel attempt; on signaling-1. */
    private void attempt() {
        nextAttempt = null;
        if (closed) {
            return;
        }
        registeredThisAttempt = false;
        if (registration == null) {
            try {
                registration = registrations.register();
            } catch (CloudRequestException e) {
                if (refusesDevice(e)) {
                    refused("the cloud refused the device certificate at " + e.uri() + " (" + e.getMessage()
                            + "); check that cloud.signalingUrl is the cloud that activated the device, and if the"
                            + " device was reset or removed from the organization, activate it again");
                } else {
                    retry("registration failed: " + e.getMessage());
                }
                return;
            } catch (SignalingException e) {
                retry(e.getMessage());
                return;
            }
            registeredThisAttempt = true;
            lastEventSeq = 0;
            LOG.info(
                    "event=signaling.registration-created registration={} device={} url={}",
                    registration.registrationId(),
                    registration.deviceId(),
                    registration.eventChannelUrl());
        }
        openChannel(registration);
    }

    private void openChannel(Registration current) {
        Channel opening = new Channel(++generation);
        WebSocket socket;
        Duration wait = timing.connectTimeout().plus(timing.requestTimeout());
        try {
            socket = http.newWebSocketBuilder()
                    .connectTimeout(timing.connectTimeout())
                    .buildAsync(current.eventChannelUrl(), opening)
                    .get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (TimeoutException e) {
            retry("the event channel " + current.eventChannelUrl() + " did not open within " + wait.toMillis() + " ms");
            return;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String reason = "cannot open the event channel " + current.eventChannelUrl() + ": " + describe(cause);
            if (certificateProblem(cause)) {
                refused(reason + "; check the device certificate and cloud.trustAnchors, or activate again");
            } else {
                retry(reason);
            }
            return;
        }
        opening.open(socket);
        channel = opening;
        channel.send(new SignalingMessage.Hello(current.registrationId(), current.resumeToken(), lastEventSeq));
        int expected = opening.generation;
        welcomeDeadline = thread.schedule(
                () -> {
                    if (channel != null && channel.generation == expected && !channel.welcomed) {
                        lost(
                                expected,
                                "no welcome within " + timing.requestTimeout().toMillis() + " ms");
                    }
                },
                timing.requestTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** A message of channel {@code from}; on signaling-1. */
    private void received(int from, String text) {
        if (channel == null || channel.generation != from || closed) {
            return;
        }
        SignalingMessage message;
        try {
            message = SignalingJson.read(text);
        } catch (JsonProcessingException e) {
            LOG.warn("event=signaling.unreadable-message error=\"{}\"", e.getOriginalMessage());
            channel.send(new SignalingMessage.Error(
                    SignalingMessage.Error.BAD_MESSAGE, "unreadable message: " + e.getOriginalMessage()));
            return;
        }
        if (message instanceof SignalingMessage.Welcome welcome) {
            welcomed(welcome);
        } else if (message instanceof SignalingMessage.Event event) {
            event(event);
        } else if (message instanceof SignalingMessage.Ack ack) {
            if (pendingReport != null && ack.seq() == pendingReportSeq) {
                pendingReport = null;
            }
            unacknowledged.remove(ack.seq());
        } else if (message instanceof SignalingMessage.Pong pong) {
            if (pong.id() == outstandingPingId) {
                outstandingPingId = 0;
            }
        } else if (message instanceof SignalingMessage.Error error) {
            cloudError(error);
        } else {
            LOG.warn(
                    "event=signaling.unexpected-message type={}",
                    message.getClass().getSimpleName());
        }
    }

    private void welcomed(SignalingMessage.Welcome welcome) {
        if (welcomeDeadline != null) {
            welcomeDeadline.cancel(false);
        }
        channel.welcomed = true;
        welcomed++;
        reconnection.connected();
        Instant now = clock.instant();
        publish(new SignalingState.Registered(registration.registrationId(), registration.eventChannelUrl(), now));
        LOG.info(
                "event=signaling.registered registration={} url={} resumed={} replaying={} last_event_seq={}",
                registration.registrationId(),
                registration.eventChannelUrl(),
                welcome.resumed(),
                welcome.replaying(),
                lastEventSeq);
        long intervalMillis = timing.heartbeatInterval().toMillis();
        heartbeat = thread.scheduleAtFixedRate(this::ping, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        if (pendingReport != null) {
            sendPendingReport();
        }
        for (Map.Entry<Long, SignalingMessage> held : unacknowledged.entrySet()) {
            channel.send(held.getValue());
            LOG.info("event=signaling.resent type={} seq={}", typeOf(held.getValue()), held.getKey());
        }
    }

    private void event(SignalingMessage.Event event) {
        if (event.seq() <= lastEventSeq) {
            // A replay of what this device already has (RFC-less at-least-once delivery): ack, drop.
            LOG.info("event=signaling.event-duplicate seq={} last_event_seq={}", event.seq(), lastEventSeq);
            channel.send(new SignalingMessage.Ack(event.seq()));
            return;
        }
        if (event.seq() > lastEventSeq + 1 && lastEventSeq > 0) {
            LOG.warn("event=signaling.event-gap expected_seq={} got_seq={}", lastEventSeq + 1, event.seq());
        }
        lastEventSeq = event.seq();
        refreshStatus();
        LOG.info("event=signaling.event seq={} type={}", event.seq(), event.event());
        for (SignalingListener listener : listeners) {
            try {
                listener.eventReceived(event);
            } catch (RuntimeException e) {
                LOG.error("event=signaling.listener-failed error=\"{}\"", e.toString(), e);
            }
        }
        channel.send(new SignalingMessage.Ack(event.seq()));
    }

    private void cloudError(SignalingMessage.Error error) {
        LOG.warn("event=signaling.cloud-error code={} message=\"{}\"", error.code(), error.message());
        if (SignalingMessage.Error.UNKNOWN_REGISTRATION.equals(error.code())) {
            String forgotten = registration == null ? "-" : registration.registrationId();
            registration = null;
            lastEventSeq = 0;
            dropChannel();
            if (registeredThisAttempt) {
                retry("the cloud does not know the registration it has just issued");
            } else {
                // The cloud forgot the registration (a restart): register again, once, at once.
                LOG.info("event=signaling.reregistering forgotten_registration={}", forgotten);
                schedule(state, clock.instant());
            }
        } else if (SignalingMessage.Error.FORBIDDEN.equals(error.code())) {
            registration = null;
            dropChannel();
            refused("the cloud refused the event channel: " + error.message());
        }
    }

    private void ping() {
        if (channel == null || !channel.welcomed || closed) {
            return;
        }
        if (outstandingPingId != 0) {
            return; // the timeout of that ping decides
        }
        long id = ++nextPingId;
        outstandingPingId = id;
        int on = channel.generation;
        channel.send(new SignalingMessage.Ping(id));
        thread.schedule(
                () -> {
                    if (outstandingPingId == id && channel != null && channel.generation == on) {
                        lost(on, "no pong within " + timing.heartbeatTimeout().toMillis() + " ms");
                    }
                },
                timing.heartbeatTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void sendPendingReport() {
        pendingReportSeq = ++nextReportSeq;
        channel.send(new SignalingMessage.DiscoveryReportMessage(pendingReportSeq, pendingReport));
        LOG.info(
                "event=signaling.discovery-report-sent seq={} trigger={} results={}",
                pendingReportSeq,
                pendingReport.trigger(),
                pendingReport.results().size());
    }

    /** Channel {@code from} failed or closed; on signaling-1. */
    private void lost(int from, String cause) {
        if (channel == null || channel.generation != from || closed) {
            return;
        }
        dropChannel();
        retry("event channel lost: " + cause);
    }

    private void dropChannel() {
        cancelTimers();
        outstandingPingId = 0;
        if (channel != null) {
            channel.abort();
            channel = null;
        }
    }

    private void cancelTimers() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
            heartbeat = null;
        }
        if (welcomeDeadline != null) {
            welcomeDeadline.cancel(false);
            welcomeDeadline = null;
        }
    }

    private void retry(String cause) {
        if (closed) {
            return;
        }
        SignalingState.Reconnecting next = reconnection.failed(cause, clock.instant());
        schedule(next, next.nextAttemptAt());
        LOG.warn(
                "event=signaling.reconnecting cause=\"{}\" failures={} next_attempt_at={}",
                cause,
                next.failures(),
                next.nextAttemptAt());
    }

    private void refused(String reason) {
        if (closed) {
            return;
        }
        SignalingState.Failed failed = reconnection.refused(reason, clock.instant());
        schedule(failed, failed.nextAttemptAt());
        LOG.error("event=signaling.failed reason=\"{}\" next_attempt_at={}", reason, failed.nextAttemptAt());
    }

    private void schedule(SignalingState next, Instant at) {
        if (stopping) {
            return;
        }
        publish(next);
        long delayMillis = Math.max(0, Duration.between(clock.instant(), at).toMillis());
        try {
            nextAttempt = thread.schedule(this::attempt, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("event=signaling.attempt-after-close");
        }
    }

    private void publish(SignalingState next) {
        state = next;
        refreshStatus();
        for (SignalingListener listener : listeners) {
            try {
                listener.stateChanged(next);
            } catch (RuntimeException e) {
                LOG.error("event=signaling.listener-failed error=\"{}\"", e.toString(), e);
            }
        }
    }

    private void refreshStatus() {
        SignalingState now = state;
        String cause = null;
        Instant next = null;
        Instant since = null;
        if (now instanceof SignalingState.Reconnecting reconnecting) {
            cause = reconnecting.cause();
            next = reconnecting.nextAttemptAt();
        } else if (now instanceof SignalingState.Failed failed) {
            cause = failed.reason();
            next = failed.nextAttemptAt();
        } else if (now instanceof SignalingState.Registered registered) {
            since = registered.since();
        }
        status = new SignalingStatus(
                now.id(),
                registration == null ? null : registration.registrationId(),
                registration == null ? null : registration.eventChannelUrl(),
                since,
                Math.max(0, welcomed - 1),
                lastEventSeq,
                cause,
                next);
    }

    /**
     * Whether the cloud refused who the device is: status 401/403, a TLS failure about a
     * certificate, or a connection closed without any answer right after the handshake, which is
     * how TLS 1.3 servers show a refused client certificate (the client's handshake has already
     * finished when the server checks the certificate; RFC 8446 section 4.4.2.4).
     */
    private static boolean refusesDevice(CloudRequestException e) {
        int code = e.status().orElse(0);
        return code == 401 || code == 403 || certificateProblem(e) || closedWithoutAnswer(e);
    }

    private static boolean closedWithoutAnswer(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (String.valueOf(cause.getMessage()).contains("received no bytes")) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code error} is a TLS failure about a certificate (ours or the cloud's). */
    static boolean certificateProblem(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
                return message.contains("certificate") || message.contains("pkix");
            }
        }
        return false;
    }

    private static String describe(Throwable error) {
        Throwable innermost = error;
        while (innermost.getCause() != null) {
            innermost = innermost.getCause();
        }
        String message = innermost.getMessage();
        return innermost.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /**
     * One WebSocket connection: reassembles text messages and hands them, and its end, to
     * signaling-1. Sends are chained, since the JDK's WebSocket allows one outstanding send.
     */
    private final class Channel implements WebSocket.Listener {
        final int generation;
        final StringBuilder partial = new StringBuilder();
        WebSocket socket;
        CompletableFuture<WebSocket> sends;
        boolean welcomed;

        Channel(int generation) {
            this.generation = generation;
        }

        void open(WebSocket opened) {
            socket = opened;
            sends = CompletableFuture.completedFuture(opened);
        }

        void send(SignalingMessage message) {
            String text = SignalingJson.write(message);
            sends = sends.thenCompose(ws -> ws.sendText(text, true));
            sends.whenComplete((ws, failure) -> {
                if (failure != null) {
                    run(() -> lost(generation, "send failed: " + describe(failure)));
                }
            });
        }

        void close(String reason) {
            sends.thenCompose(ws -> ws.sendClose(WebSocket.NORMAL_CLOSURE, reason))
                    .orTimeout(STOP_WAIT_SECONDS, TimeUnit.SECONDS)
                    .whenComplete((ws, failure) -> socket.abort());
        }

        void abort() {
            socket.abort();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                run(() -> received(generation, text));
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            run(() -> lost(
                    generation, "closed by the cloud (" + statusCode + (reason.isEmpty() ? "" : " " + reason) + ")"));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            run(() -> lost(generation, describe(error)));
        }
    }
}
