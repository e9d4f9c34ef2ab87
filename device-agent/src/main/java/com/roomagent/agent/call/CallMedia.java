package com.roomagent.agent.call;

import com.roomagent.agent.hardware.HalEvents;
import com.roomagent.av.bitrate.TransportKind;
import com.roomagent.av.camera.CameraSource;
import com.roomagent.av.media.MediaEvent;
import com.roomagent.av.media.MediaException;
import com.roomagent.av.media.MediaSession;
import com.roomagent.av.media.MediaSessionSettings;
import com.roomagent.av.media.MediaStatistics;
import com.roomagent.av.media.VideoEncoder;
import com.roomagent.av.srtp.SrtpKeyPair;
import com.roomagent.hal.HalListener;
import com.roomagent.hal.RoomHardware;
import com.roomagent.hal.devices.DeviceEvent;
import com.roomagent.hal.devices.DeviceSelection;
import com.roomagent.hal.devices.VideoDevice;
import com.roomagent.hal.video.VideoStatus;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.transport.MediaChannel;
import com.roomagent.transport.PacketKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
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

    private final String callId;
    private final CallMediaPlan plan;
    private final RoomHardware hal;
    private final Instant startedAt;
    private final AtomicLong ignoredPackets = new AtomicLong();
    private final AtomicLong sendFailures = new AtomicLong();
    private volatile MediaChannel channel;
    private volatile TransportKind transport;
    private MediaSession session; // set once in start, before any event can use it
    private AutoCloseable following;

    // Guarded by this.
    private VideoDecision video;
    private Optional<VideoDevice> lastCamera = Optional.empty();
    private boolean muted;
    private String captureProblem; // the last CaptureLost while sending, until restored
    private String elementFailure; // the last ElementFailed, "element: message"
    private boolean closed;

    private CallMedia(CallMediaRequest request, CallMediaPlan plan, RoomHardware hal, Clock clock) {
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
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(plan, "plan");
        CallMedia call = new CallMedia(request, plan, hal, clock);
        call.open(request, halEvents, tuning);
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
            MediaSessionSettings settings = tuning.apply(
                            plan.sessionSettings(request.ssrcs(), camera, video.sending(), transport))
                    .build();
            session = MediaSession.start(settings, request.keys(), this::send, this::onMediaEvent);
            session.setMicrophoneMuted(muted);
            following = halEvents.follow(new Follower());
        }
        LOG.info(
                "event=call-media-started call={} transport={} video=\"{}\" source={} encoder={} format={}x{}@{}"
                        + " microphone={}",
                callId,
                transport.name().toLowerCase(Locale.ROOT),
                video.text(),
                plan.videoSource().keyword(),
                encoderName(plan.encoder()),
                plan.width(),
                plan.height(),
                plan.framesPerSecond(),
                muted ? "muted" : "live");
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
        synchronized (this) {
            failure = elementFailure;
            now = video;
            mutedNow = muted;
            shutter = now.text().equals(VideoStatus.SHUTTER_CLOSED);
            problem = captureProblem;
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
            if (closed) {
                return;
            }
            closed = true;
            subscription = following;
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
        VideoDecision next = decide(hal.selection(), shutterClosed());
        if (next.equals(video)) {
            return;
        }
        VideoDecision previous = video;
        video = next;
        captureProblem = null;
        if (next.sending() && next.source().isPresent() && !next.source().equals(previous.source())) {
            session.changeCamera(next.source().get());
        }
        if (next.sending() != previous.sending()) {
            session.setCameraOn(next.sending());
        }
        LOG.info("event=call-video call={} sending={} status=\"{}\"", callId, next.sending(), next.text());
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
            synchronized (this) {
                captureProblem = "camera capture failed (" + lost.elementName() + ": " + lost.message()
                        + "); retrying every " + lost.retryIn().toMillis() + " ms";
            }
            LOG.warn(
                    "event=call-capture-lost call={} element={} message=\"{}\"",
                    callId,
                    lost.elementName(),
                    lost.message());
        } else if (event instanceof MediaEvent.CaptureRestored restored) {
            synchronized (this) {
                captureProblem = null;
            }
            LOG.info("event=call-capture-restored call={} attempts={}", callId, restored.attempts());
        } else if (event instanceof MediaEvent.ElementFailed failed) {
            synchronized (this) {
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
