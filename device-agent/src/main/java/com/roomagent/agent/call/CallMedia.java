package com.roomagent.agent.call;

import com.roomagent.agent.hardware.HalEvents;
import com.roomagent.av.bitrate.TransportKind;
import com.roomagent.av.camera.CameraSource;
import com.roomagent.av.media.AudioSettings;
import com.roomagent.av.media.MediaEvent;
import com.roomagent.av.media.MediaException;
import com.roomagent.av.media.MediaSession;
import com.roomagent.av.media.MediaSessionSettings;
import com.roomagent.av.media.MediaStatistics;
import com.roomagent.av.media.PlaybackSettings;
import com.roomagent.av.media.VideoEncoder;
import com.roomagent.av.srtp.SrtpKeyPair;
import com.roomagent.hal.HalListener;
import com.roomagent.hal.RoomHardware;
import com.roomagent.hal.devices.AudioDevice;
import com.roomagent.hal.devices.DeviceEvent;
import com.roomagent.hal.devices.DeviceSelection;
import com.roomagent.hal.devices.VideoDevice;
import com.roomagent.hal.video.VideoStatus;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.metrics.MediaStatisticsRecord;
import com.roomagent.transport.MediaChannel;
import com.roomagent.transport.PacketKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's media on this device: the av-pipeline's {@link MediaSession} bound to the room's
 * hardware and to the media channel (docs/av-pipeline.md, "In the agent").
 *
 * <ul>
 *   <li><b>Channel</b>: every SRTP/SRTCP packet the session produces is sent on the channel; {@link
 *       #packet(byte[])} takes what the channel received and passes SRTP (RFC 7983: first byte
 *       128..191) to the session; STUN and DTLS are the media path's and are only counted.
 *   <li><b>Mute</b>: the HAL's mute state is the one source of truth. The button toggles it (and the
 *       LED) in the HAL; {@link #setMicrophoneMuted} and the control socket ask the HAL; the session
 *       follows the HAL's {@code microphoneMuteChanged}. So button, LED, status and what the far end
 *       hears never disagree.
 *   <li><b>Video</b>: {@link VideoDecision} from the HAL's shutter and camera selection, on every HAL
 *       event: a closed shutter or an unplugged camera stops capture (the far end sees black) without
 *       touching audio; a camera plugged back restarts capture, on its new device node if it moved.
 *   <li><b>Audio devices</b>: {@link AudioDecision} from the HAL's microphone and speaker, the same
 *       way: a microphone unplugged stops its capture (the far end hears silence, video goes on), a
 *       speaker unplugged stops playback (the call and its statistics go on); plugged back, each
 *       restarts, on its new ALSA device if it moved. Nothing restarts the session's network side.
 *   <li><b>Keys and transport</b>: {@link #rekey} and {@link #transportChanged} pass through; nothing
 *       restarts.
 * </ul>
 *
 * <p>Threads: HAL events arrive on {@code room-agent-hal}, media events on the session's {@code
 * av-media-N}, packets on the channel's reader; the session's packets leave on GStreamer's streaming
 * threads. The video and mute state are guarded by {@code this}; every public method may be called
 * from any thread.
 *
 * <p>Ownership: owns the {@link MediaSession} and its subscription to the HAL's events; closes both.
 * Does not own the channel (the media path does) or the HAL (the daemon does).
 */
public final class CallMedia implements AutoCloseable, MediaChannel.PacketReceiver {
    private static final Logger LOG = LoggerFactory.getLogger(CallMedia.class);
    /** How often a call's media statistics go to the metrics (R20), and once more when it ends. */
    public static final Duration METRICS_INTERVAL = Duration.ofSeconds(10);

    private final String callId;
    private final CallMediaPlan plan;
    private final RoomHardware hal;
    private final Instant startedAt;
    private final Clock clock;
    private final Consumer<MediaStatisticsRecord> metrics;
    private final Object metricsLock = new Object();
    private ScheduledExecutorService metricsTimer; // set in open when metrics are recorded
    private CallStatus lastMetrics; // guarded by metricsLock
    private final AtomicLong ignoredPackets = new AtomicLong();
    private final AtomicLong sendFailures = new AtomicLong();
    private volatile MediaChannel channel;
    private volatile TransportKind transport;
    private MediaSession session; // set once in start, before any event can use it
    private AutoCloseable following;

    // Guarded by this.
    private VideoDecision video;
    private Optional<VideoDevice> lastCamera = Optional.empty();
    private AudioDecision audio;
    private Optional<AudioDevice> lastMicrophone = Optional.empty();
    private Optional<AudioDevice> lastSpeaker = Optional.empty();
    private boolean muted;
    private boolean closed;
    private boolean closing; // close() has begun: the last metrics are taken before closed is set

    // Guarded by problems, not by this: media events arrive on the session's thread, which
    // open() waits for while holding this (MediaSession.start runs capture there), so a media
    // event that needed this would block both for the session's 15 s timeouts.
    private final Object problems = new Object();
    private String captureProblem; // the last CaptureLost while sending, until restored
    private String microphoneProblem; // the last AudioLost of the microphone, until restored
    private String speakerProblem; // the last AudioLost of the speaker, until restored
    private String elementFailure; // the last ElementFailed, "element: message"

    private CallMedia(
            CallMediaRequest request,
            CallMediaPlan plan,
            RoomHardware hal,
            Clock clock,
            Consumer<MediaStatisticsRecord> metrics) {
        this.clock = clock;
        this.metrics = metrics;
        this.callId = request.callId();
        this.plan = plan;
        this.hal = hal;
        this.channel = request.channel();
        this.transport = transportKind(request.channel().transport());
        this.startedAt = clock.instant();
    }

    /**
     * Starts the call's media with the HAL's current mute and video state, and follows the HAL from
     * then on.
     *
     * @throws MediaException when GStreamer or a plugin the plan needs is missing, or an element
     *     refused to start; the message names the element
     */
    public static CallMedia start(CallMediaRequest request, CallMediaPlan plan, RoomHardware hal, HalEvents halEvents)
            throws MediaException {
        return start(request, plan, hal, halEvents, UnaryOperator.identity(), Clock.systemUTC());
    }

    /**
     * As {@link #start(CallMediaRequest, CallMediaPlan, RoomHardware, HalEvents)}, and every {@link
     * #METRICS_INTERVAL} (and once when the call's media ends) each stream's quality goes to {@code
     * metrics} as {@link CallMetrics} records (the daemon passes its metrics recorder).
     */
    public static CallMedia start(
            CallMediaRequest request,
            CallMediaPlan plan,
            RoomHardware hal,
            HalEvents halEvents,
            Consumer<MediaStatisticsRecord> metrics)
            throws MediaException {
        return start(
                request, plan, hal, halEvents, UnaryOperator.identity(), Clock.systemUTC(), metrics, METRICS_INTERVAL);
    }

    /**
     * As {@link #start(CallMediaRequest, CallMediaPlan, RoomHardware, HalEvents)}, with the session's
     * settings tuned (tests shorten the RTCP interval) and a clock for the start time.
     */
    public static CallMedia start(
            CallMediaRequest request,
            CallMediaPlan plan,
            RoomHardware hal,
            HalEvents halEvents,
            UnaryOperator<MediaSessionSettings.Builder> tuning,
            Clock clock)
            throws MediaException {
        return start(request, plan, hal, halEvents, tuning, clock, null, METRICS_INTERVAL);
    }

    /**
     * The general form: {@code metrics} (null: none) receives each stream's records every {@code
     * metricsInterval} and when the call ends.
     */
    public static CallMedia start(
            CallMediaRequest request,
            CallMediaPlan plan,
            RoomHardware hal,
            HalEvents halEvents,
            UnaryOperator<MediaSessionSettings.Builder> tuning,
            Clock clock,
            Consumer<MediaStatisticsRecord> metrics,
            Duration metricsInterval)
            throws MediaException {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(metricsInterval, "metricsInterval");
        CallMedia call = new CallMedia(request, plan, hal, clock, metrics);
        call.open(request, halEvents, tuning);
        if (metrics != null) {
            call.startMetrics(metricsInterval);
        }
        return call;
    }

    private void open(CallMediaRequest request, HalEvents halEvents, UnaryOperator<MediaSessionSettings.Builder> tuning)
            throws MediaException {
        plan.encoderNote()
                .ifPresent(note -> LOG.warn("event=call-encoder-fallback call={} reason=\"{}\"", callId, note));
        synchronized (this) {
            muted = hal.microphoneMuted();
            video = decide(hal.selection(), shutterClosed());
            CameraSource camera = video.source().orElse(CameraSource.testPattern()); // unused while stopped
            audio = decideAudio(hal.selection());
            PlaybackSettings playback = plan.playback();
            MediaSessionSettings settings = tuning.apply(
                            plan.sessionSettings(request.ssrcs(), camera, video.sending(), transport)
                                    .audio(AudioSettings.of(audio.microphone()))
                                    .microphoneOnAtStart(audio.capturing())
                                    .playback(new PlaybackSettings(
                                            playback.videoDecoder(),
                                            playback.video(),
                                            audio.speaker(),
                                            playback.jitterBufferLatency()))
                                    .speakerOnAtStart(audio.playing()))
                    .build();
            session = MediaSession.start(settings, request.keys(), this::send, this::onMediaEvent);
            session.setMicrophoneMuted(muted);
            following = halEvents.follow(new Follower());
        }
        LOG.info(
                "event=call-media-started call={} transport={} video=\"{}\" source={} encoder={} format={}x{}@{}"
                        + " microphone={} audio=\"{}\" playback=\"{}\"",
                callId,
                transport.name().toLowerCase(Locale.ROOT),
                video.text(),
                plan.videoSource().keyword(),
                encoderName(plan.encoder()),
                plan.width(),
                plan.height(),
                plan.framesPerSecond(),
                muted ? "muted" : "live",
                audio.microphoneText(),
                audio.speakerText());
        refresh(); // anything the HAL changed between reading its state and following it
    }

    /** A packet from the channel: SRTP and SRTCP go to the session, anything else is not ours. Any thread. */
    @Override
    public void packet(byte[] packet) {
        if (PacketKind.of(packet) == PacketKind.SRTP) {
            session.accept(packet);
        } else {
            ignoredPackets.incrementAndGet();
        }
    }

    /**
     * Mutes or unmutes the microphone through the HAL (a mute from the meeting or the control
     * socket): the LED, the status and the sent audio follow the HAL's event.
     */
    public void setMicrophoneMuted(boolean mute) {
        hal.setMicrophoneMuted(mute);
    }

    /** New SRTP keys after a new DTLS handshake: the session switches without stopping anything. */
    public void rekey(SrtpKeyPair keys) {
        LOG.info("event=call-rekey call={}", callId);
        session.rekey(keys);
    }

    /**
     * The flow moved to another channel (a fail-over to another transport or node): packets go out
     * on {@code next} from now on and the video bitrate ceiling follows its transport. The media
     * path forwards {@code next}'s packets to {@link #packet}.
     */
    public void transportChanged(MediaChannel next) {
        Objects.requireNonNull(next, "next");
        channel = next;
        TransportKind kind = transportKind(next.transport());
        transport = kind;
        LOG.info(
                "event=call-transport-changed call={} transport={} remote={}",
                callId,
                next.transport().id(),
                next.remoteAddress());
        session.transportChanged(kind);
    }

    /** What the call's media is doing now: for status, the report and metrics. */
    public CallStatus status() {
        VideoDecision now;
        boolean mutedNow;
        boolean shutter;
        String problem;
        String failure;
        boolean ended;
        AudioDecision audioNow;
        String micProblem;
        String playProblem;
        synchronized (this) {
            audioNow = audio;
            synchronized (problems) {
                micProblem = microphoneProblem;
                playProblem = speakerProblem;
                failure = elementFailure;
                problem = captureProblem;
            }
            now = video;
            mutedNow = muted;
            shutter = now.text().equals(VideoStatus.SHUTTER_CLOSED);
            ended = closed;
        }
        MediaStatistics statistics = null;
        if (!ended) {
            try {
                statistics = session.statistics();
            } catch (IllegalStateException e) {
                ended = true; // closed meanwhile
            }
        }
        String text = now.sending() && problem != null ? "video stopped: " + problem : now.text();
        String source = now.source()
                .map(s -> s instanceof CameraSource.V4l2 v4l2 ? "camera " + v4l2.device() : "test-pattern")
                .orElse("none");
        return new CallStatus(
                callId,
                ended ? "ended" : "active",
                startedAt,
                transport.name().toLowerCase(Locale.ROOT),
                mutedNow,
                new CallStatus.Video(now.sending() && problem == null, source, shutter, text),
                CallStatus.Audio.of(audioNow, micProblem, playProblem),
                encoderName(plan.encoder()),
                plan.encoderNote().orElse(null),
                plan.width() + "x" + plan.height() + "@" + plan.framesPerSecond(),
                session.videoTargetKbps(),
                statistics == null ? List.of() : CallStatus.streams(statistics),
                CallStatus.Received.of(session.decoded()),
                ignoredPackets.get(),
                sendFailures.get(),
                failure);
    }

    public String callId() {
        return callId;
    }

    /** Stops the session and stops following the HAL. Idempotent; does not close the channel. */
    @Override
    public void close() {
        AutoCloseable subscription;
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
            subscription = following;
        }
        if (metricsTimer != null) {
            metricsTimer.shutdownNow();
            try {
                metricsTimer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            recordMetrics(); // the last interval, while the session still answers
        }
        synchronized (this) {
            closed = true;
        }
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.warn("event=call-media-unfollow-failed call={} error=\"{}\"", callId, e.toString());
            }
        }
        if (session != null) {
            session.close();
        }
        LOG.info(
                "event=call-media-stopped call={} ignored_packets={} send_failures={}",
                callId,
                ignoredPackets.get(),
                sendFailures.get());
    }

    private void startMetrics(Duration interval) {
        metricsTimer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "call-metrics-" + callId);
            thread.setDaemon(true);
            return thread;
        });
        long nanos = interval.toNanos();
        metricsTimer.scheduleWithFixedDelay(this::recordMetrics, nanos, nanos, TimeUnit.NANOSECONDS);
    }

    /** One interval's records to the metrics. The metrics thread, or close. */
    private void recordMetrics() {
        synchronized (metricsLock) {
            try {
                CallStatus now = status();
                if (now.streams().isEmpty()) {
                    return; // the session is gone
                }
                CallMetrics.records(clock.instant(), lastMetrics, now).forEach(metrics);
                lastMetrics = now;
            } catch (RuntimeException e) {
                LOG.warn("event=call-metrics-failed call={} error=\"{}\"", callId, e.toString());
            }
        }
    }

    /** Reads the HAL's state and applies what changed to the session. HAL thread (or start). */
    private synchronized void refresh() {
        if (closed) {
            return;
        }
        boolean mutedNow = hal.microphoneMuted();
        if (mutedNow != muted) {
            muted = mutedNow;
            session.setMicrophoneMuted(mutedNow);
            LOG.info("event=call-microphone call={} muted={}", callId, mutedNow);
        }
        DeviceSelection selection = hal.selection();
        refreshAudio(selection);
        VideoDecision next = decide(selection, shutterClosed());
        if (next.equals(video)) {
            return;
        }
        VideoDecision previous = video;
        video = next;
        synchronized (problems) {
            captureProblem = null;
        }
        if (next.sending() && next.source().isPresent() && !next.source().equals(previous.source())) {
            session.changeCamera(next.source().get());
        }
        if (next.sending() != previous.sending()) {
            session.setCameraOn(next.sending());
        }
        LOG.info("event=call-video call={} sending={} status=\"{}\"", callId, next.sending(), next.text());
    }

    /** Applies what changed of the microphone and the speaker. Guarded by this. */
    private void refreshAudio(DeviceSelection selection) {
        AudioDecision next = decideAudio(selection);
        if (next.equals(audio)) {
            return;
        }
        AudioDecision previous = audio;
        audio = next;
        if (!next.microphone().equals(previous.microphone())
                || !next.microphoneText().equals(previous.microphoneText())) {
            synchronized (problems) {
                microphoneProblem = null;
            }
        }
        if (next.capturing() && !next.microphone().equals(previous.microphone())) {
            session.changeMicrophone(next.microphone());
        }
        if (next.capturing() != previous.capturing()) {
            session.setMicrophoneOn(next.capturing());
        }
        if (!next.speaker().equals(previous.speaker()) || !next.speakerText().equals(previous.speakerText())) {
            synchronized (problems) {
                speakerProblem = null;
            }
        }
        if (next.playing() && !next.speaker().equals(previous.speaker())) {
            session.changeSpeaker(next.speaker());
        }
        if (next.playing() != previous.playing()) {
            session.setSpeakerOn(next.playing());
        }
        LOG.info(
                "event=call-audio call={} capturing={} playing={} microphone=\"{}\" speaker=\"{}\"",
                callId,
                next.capturing(),
                next.playing(),
                next.microphoneText(),
                next.speakerText());
    }

    /** Guarded by this. */
    private AudioDecision decideAudio(DeviceSelection selection) {
        Optional<AudioDevice> microphone = selection.microphone();
        Optional<AudioDevice> speaker = selection.speaker();
        AudioDecision decision =
                AudioDecision.decide(plan.emulatedBoard(), microphone, lastMicrophone, speaker, lastSpeaker);
        if (microphone.isPresent()) {
            lastMicrophone = microphone;
        }
        if (speaker.isPresent()) {
            lastSpeaker = speaker;
        }
        return decision;
    }

    /** Guarded by this. */
    private VideoDecision decide(DeviceSelection selection, boolean shutterClosed) {
        Optional<VideoDevice> camera = selection.camera();
        VideoDecision decision = VideoDecision.decide(plan.videoSource(), shutterClosed, camera, lastCamera);
        if (camera.isPresent()) {
            lastCamera = camera;
        }
        return decision;
    }

    private boolean shutterClosed() {
        return hal.status().video().text().equals(VideoStatus.SHUTTER_CLOSED);
    }

    /** A streaming thread: one protected packet for the wire. */
    private void send(ByteBuffer packet) {
        byte[] bytes = new byte[packet.remaining()];
        packet.get(bytes);
        try {
            channel.send(bytes);
        } catch (IOException e) {
            if (sendFailures.incrementAndGet() == 1) {
                LOG.warn(
                        "event=call-send-failed call={} transport={} error=\"{}\" (the media path fails over;"
                                + " later failures are counted in status)",
                        callId,
                        channel.transport().id(),
                        e.getMessage());
            }
        }
    }

    /** The session's thread. */
    private void onMediaEvent(MediaEvent event) {
        if (event instanceof MediaEvent.CaptureLost lost) {
            synchronized (problems) {
                captureProblem = "camera capture failed (" + lost.elementName() + ": " + lost.message()
                        + "); retrying every " + lost.retryIn().toMillis() + " ms";
            }
            LOG.warn(
                    "event=call-capture-lost call={} element={} message=\"{}\"",
                    callId,
                    lost.elementName(),
                    lost.message());
        } else if (event instanceof MediaEvent.CaptureRestored restored) {
            synchronized (problems) {
                captureProblem = null;
            }
            LOG.info("event=call-capture-restored call={} attempts={}", callId, restored.attempts());
        } else if (event instanceof MediaEvent.AudioLost lost) {
            String problem = (lost.device() == MediaEvent.AudioDevice.MICROPHONE
                            ? "microphone capture failed ("
                            : "speaker playback failed (")
                    + lost.elementName() + ": " + lost.message() + "); retrying every "
                    + lost.retryIn().toMillis() + " ms";
            synchronized (problems) {
                if (lost.device() == MediaEvent.AudioDevice.MICROPHONE) {
                    microphoneProblem = problem;
                } else {
                    speakerProblem = problem;
                }
            }
            LOG.warn(
                    "event=call-audio-lost call={} device={} element={} message=\"{}\"",
                    callId,
                    lost.device().name().toLowerCase(Locale.ROOT),
                    lost.elementName(),
                    lost.message());
        } else if (event instanceof MediaEvent.AudioRestored restored) {
            synchronized (problems) {
                if (restored.device() == MediaEvent.AudioDevice.MICROPHONE) {
                    microphoneProblem = null;
                } else {
                    speakerProblem = null;
                }
            }
            LOG.info(
                    "event=call-audio-restored call={} device={} attempts={}",
                    callId,
                    restored.device().name().toLowerCase(Locale.ROOT),
                    restored.attempts());
        } else if (event instanceof MediaEvent.ElementFailed failed) {
            synchronized (problems) {
                elementFailure = failed.elementName() + ": " + failed.message();
            }
            LOG.error(
                    "event=call-element-failed call={} element={} message=\"{}\"",
                    callId,
                    failed.elementName(),
                    failed.message());
        }
    }

    private static TransportKind transportKind(MediaTransport transport) {
        return switch (transport) {
            case UDP, UDP_LAST_RESORT -> TransportKind.UDP;
            case TCP -> TransportKind.TCP;
            case TLS -> TransportKind.TLS;
        };
    }

    private static String encoderName(VideoEncoder encoder) {
        return encoder instanceof VideoEncoder.Hardware hardware ? hardware.elementName() : "x264enc";
    }

    /** Hears the HAL on its thread and re-reads its state: events only say that something changed. */
    private final class Follower implements HalListener {
        @Override
        public void microphoneMuteChanged(boolean mutedNow) {
            refresh();
        }

        @Override
        public void videoChanged(VideoStatus status) {
            refresh();
        }

        @Override
        public void deviceChanged(DeviceEvent event) {
            refresh();
        }

        @Override
        public void selectionChanged(DeviceSelection selection) {
            refresh();
        }

        @Override
        public String toString() {
            return "call-media " + callId;
        }
    }
}
