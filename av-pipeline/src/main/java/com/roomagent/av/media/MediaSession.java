package com.roomagent.av.media;

import com.roomagent.av.bitrate.BitratePolicy;
import com.roomagent.av.bitrate.TransportKind;
import com.roomagent.av.camera.CameraSource;
import com.roomagent.av.gst.AppSinkPipeline.AtEnd;
import com.roomagent.av.gst.AppSinkPipeline.Property;
import com.roomagent.av.gst.GstPipelineException;
import com.roomagent.av.gst.GstUnavailableException;
import com.roomagent.av.gst.LivePipeline;
import com.roomagent.av.srtp.SrtpKeyPair;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's media on this device, both ways: camera and microphone, encoded, in RTP, protected
 * with SRTP and handed packet by packet to a {@link MediaPacketSink}; and the far end's SRTP
 * packets, given to {@link #accept}, authenticated, decrypted, decoded and played. Transport
 * agnostic: the media path owns the network, this class owns GStreamer.
 *
 * <pre>{@code
 * try (MediaSession session = MediaSession.start(settings, keys, channel::send, events::add)) {
 *     channel.onPacket(session::accept);
 *     ...
 *     session.rekey(newKeys);                       // after a new DTLS handshake
 *     session.transportChanged(TransportKind.TLS);  // after a fail-over
 * }
 * }</pre>
 *
 * <p>Threads: the session owns one thread, "av-media-N", which restarts the devices' pipelines, adapts the
 * bitrate and delivers {@link MediaEvent}s. {@link MediaPacketSink#send} runs on GStreamer's
 * streaming threads. Every public method may be called from any thread; {@link #accept} is cheap
 * (it copies the packet into GStreamer and returns). After {@link #close()}, {@link #accept} and
 * the controls do nothing and {@link #statistics()} throws {@link IllegalStateException}.
 *
 * <p>Ownership: the session owns its pipelines (the session pipeline, and one each for the
 * camera, the microphone and, with a speaker output, the speaker), its thread and every GStreamer
 * object in them, and releases all of it in {@link #close()}. It never keeps a reference
 * to the arrays given to {@link #accept} or to the keys' arrays.
 */
public final class MediaSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MediaSession.class);
    private static final AtomicInteger SESSIONS = new AtomicInteger();
    private static final Duration PLAY_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    /** Every 64th byte of the Y plane is enough to tell black from a picture. */
    private static final int LUMA_SAMPLE_STEP = 64;

    private final String name;
    /** The intervideosink/intervideosrc channel between capture and the session. */
    private final String channelName;

    private final MediaSessionSettings settings;
    private final MediaPacketSink sink;
    private final Consumer<MediaEvent> events;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final PacketRouter router;
    private final KeySlots slots;
    private final BitratePolicy policy;
    private final String[][] incoming = new String[MediaKind.values().length][SessionPipeline.KEY_SLOTS];
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object controlLock = new Object();

    private final AtomicLongArray accepted = new AtomicLongArray(MediaKind.values().length);
    private final AtomicLong unroutable = new AtomicLong();
    private final AtomicLong sinkFailures = new AtomicLong();
    private final AtomicLong videoFrames = new AtomicLong();
    private final AtomicLong audioLevels = new AtomicLong();
    private volatile double lastLuma = Double.NaN;
    private volatile double lastRms = Double.NaN;
    private final AtomicLong speakerLevels = new AtomicLong();
    private volatile double lastSpeakerRms = Double.NaN;
    private volatile TransportKind transport;
    private volatile int videoTargetKbps;

    private volatile LivePipeline pipeline; // set once, in start()
    private volatile Thread sessionThread;
    private CaptureSupervisor capture; // executor thread
    private CaptureSupervisor microphone; // executor thread
    private CaptureSupervisor speaker; // executor thread; null without a speaker output
    private ScheduledFuture<?> ticks;
    private long lastReportMarker = -1; // executor thread
    private final KeyframeWatch keyframeWatch = new KeyframeWatch(); // executor thread

    private MediaSession(MediaSessionSettings settings, MediaPacketSink sink, Consumer<MediaEvent> events) {
        int number = SESSIONS.incrementAndGet();
        this.name = "av-media-" + number;
        this.channelName = "room-agent-" + name;
        this.settings = settings;
        this.sink = sink;
        this.events = events;
        this.clock = settings.clock();
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            sessionThread = thread;
            return thread;
        });
        this.router = new PacketRouter(settings.ssrcs());
        this.slots = new KeySlots(settings.previousKeysRetention());
        this.policy = new BitratePolicy(settings.video().bitrateLimits());
        this.transport = settings.transport();
        this.videoTargetKbps = policy.initialKbps(transport);
        for (MediaKind kind : MediaKind.values()) {
            for (int slot = 0; slot < SessionPipeline.KEY_SLOTS; slot++) {
                incoming[kind.ordinal()][slot] = SessionPipeline.incoming(kind, slot);
            }
        }
    }

    /**
     * Builds and plays the session: capture starts (a missing camera is reported as {@link
     * MediaEvent.CaptureLost} and retried, not refused), the encoders start sending to {@code sink}
     * at once, and far-end packets are accepted from when this returns.
     *
     * @param keys the session's SRTP keys: {@code local} for what we send, {@code remote} for what we receive
     * @param events told, on the session's thread, about camera loss and recovery and element failures
     * @throws MediaException if GStreamer or one of its plugins is missing, or an element refused to start
     */
    public static MediaSession start(
            MediaSessionSettings settings, SrtpKeyPair keys, MediaPacketSink sink, Consumer<MediaEvent> events)
            throws MediaException {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(events, "events");
        MediaSession session = new MediaSession(settings, sink, events);
        try {
            session.build(keys);
        } catch (GstUnavailableException e) {
            session.close();
            throw new MediaException(MediaException.Reason.GSTREAMER_MISSING, e.getMessage(), null, e);
        } catch (GstPipelineException e) {
            session.close();
            MediaException.Reason reason = e.stage() == GstPipelineException.Stage.BUILD
                    ? MediaException.Reason.PIPELINE_REFUSED
                    : MediaException.Reason.ELEMENT_FAILED;
            throw new MediaException(
                    reason, "media session: " + e.getMessage(), e.elementName().orElse(null), e);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        return session;
    }

    private void build(SrtpKeyPair keys) throws GstUnavailableException, GstPipelineException {
        String channel = channelName;
        SessionPipeline.Plan plan = SessionPipeline.session(settings, channel, videoTargetKbps);
        LOG.debug("media session pipeline session={} description=\"{}\"", name, plan.description());
        pipeline = LivePipeline.create(plan.description(), AtEnd.REPORT, new Reports());
        for (Property property : plan.properties()) {
            pipeline.set(property.element(), property.name(), property.value());
        }
        byte[] local = keys.local().keyThenSalt();
        try {
            pipeline.setBytes(SessionPipeline.SRTP_ENCODER, "key", local);
        } finally {
            Arrays.fill(local, (byte) 0);
        }
        for (MediaKind kind : MediaKind.values()) {
            for (String appSrc : incoming[kind.ordinal()]) {
                pipeline.declareAppSrc(appSrc);
            }
            pipeline.setCaps(
                    incoming[kind.ordinal()][slots.current()],
                    SessionPipeline.receiveCaps(kind, settings.ssrcs().remote(kind), keys.remote()));
            // Our SSRC from the start: otherwise rtpsession picks a random one, sends RTCP with it,
            // and a payloader that negotiates after that first RTCP adopts it (GStreamer 1.22).
            pipeline.setRtpSessionProperty(SessionPipeline.RTPBIN, kind.rtpSession(), "internal-ssrc", (int)
                    settings.ssrcs().local(kind));
            pipeline.setRtpSessionProperty(
                    SessionPipeline.RTPBIN,
                    kind.rtpSession(),
                    "rtcp-min-interval",
                    settings.rtcpInterval().toNanos());
        }
        if (settings.video().encoder() instanceof VideoEncoder.Hardware hardware) {
            Optional<EncoderBitrate> initial = encoderBitrate(videoTargetKbps);
            if (initial.isPresent()) {
                setEncoderBitrate(initial.get());
            } else {
                LOG.warn(
                        "video bitrate not adapted: encoder controls unknown session={} encoder={}",
                        name,
                        hardware.elementName());
            }
        }
        pipeline.onSamples(SessionPipeline.PACKETS, this::sendPacket);
        pipeline.onSamples(SessionPipeline.FRAMES, this::countFrame);
        capture = CaptureSupervisor.camera(
                name, settings.video(), channel, settings.captureRetryInterval(), executor, this::deliver);
        if (settings.cameraOnAtStart()) {
            onExecutor(capture::start);
        }
        microphone = microphoneSupervisor(settings.audio().source());
        if (settings.microphoneOnAtStart()) {
            onExecutor(microphone::start);
        }
        if (settings.playback().audio() instanceof AudioOutput.Device output) {
            speaker = speakerSupervisor(output);
            if (settings.speakerOnAtStart()) {
                onExecutor(speaker::start);
            }
        }
        pipeline.play(PLAY_TIMEOUT);
        long interval = settings.bitrateAdaptationInterval().toNanos();
        ticks = executor.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.NANOSECONDS);
        LOG.info(
                "media session started session={} video={}x{}@{} encoder={} transport={} videoKbps={} ssrcs={}",
                name,
                settings.video().width(),
                settings.video().height(),
                settings.video().framesPerSecond(),
                settings.video().encoder(),
                transport,
                videoTargetKbps,
                settings.ssrcs());
    }

    /**
     * Takes one packet from the far end (SRTP or SRTCP, RTP/RTCP multiplexed on one flow), routes
     * it by SSRC to its stream and queues it for decryption. Never blocks; ignored after {@link
     * #close()}. The array is copied and not kept.
     */
    public void accept(byte[] packet) {
        Objects.requireNonNull(packet, "packet");
        if (closed.get()) {
            return;
        }
        PacketRouter.Route route = router.route(packet);
        MediaKind kind;
        if (route == PacketRouter.Route.VIDEO) {
            kind = MediaKind.VIDEO;
        } else if (route == PacketRouter.Route.AUDIO) {
            kind = MediaKind.AUDIO;
        } else {
            unroutable.incrementAndGet();
            return;
        }
        accepted.incrementAndGet(kind.ordinal());
        String[] slotSources = incoming[kind.ordinal()];
        pipeline.push(slotSources[slots.current()], packet);
        int previous = slots.previous(clock.instant());
        if (previous >= 0) {
            pipeline.push(slotSources[previous], packet);
        }
    }

    /** Mutes or unmutes the microphone: muted, the far end receives digital silence (the stream goes on). */
    public void setMicrophoneMuted(boolean muted) {
        control("microphone muted=" + muted, () -> pipeline.set(SessionPipeline.MICROPHONE, "mute", muted));
    }

    /**
     * Switches the camera on or off. Off releases the camera (its capture pipeline stops) and the
     * far end receives black frames, a few hundred bytes each, until it is switched on again.
     */
    public void setCameraOn(boolean on) {
        if (closed.get()) {
            return;
        }
        LOG.info("camera switched session={} on={}", name, on);
        post(() -> {
            if (on) {
                capture.start();
            } else {
                capture.stop();
            }
        });
    }

    /**
     * Takes frames from another camera from now on (a USB camera plugged back in on another device
     * node, a camera chosen anew): the capture pipeline is closed and, if the camera is switched on,
     * started on the new source; a lost camera's retries move to the new source too. The encoder,
     * the keys and the far end notice nothing but the picture.
     */
    public void changeCamera(CameraSource camera) {
        Objects.requireNonNull(camera, "camera");
        if (closed.get()) {
            return;
        }
        LOG.info("camera source changed session={} camera={}", name, camera);
        post(() -> {
            boolean on = capture.wanted();
            capture.stop();
            capture = CaptureSupervisor.camera(
                    name,
                    settings.video().withCamera(camera),
                    channelName,
                    settings.captureRetryInterval(),
                    executor,
                    this::deliver);
            if (on) {
                capture.start();
            }
        });
    }

    /**
     * Switches the microphone on or off. Off closes its capture pipeline (the device is released)
     * and the far end hears digital silence, the stream going on; on starts capture again. Unlike
     * {@link #setMicrophoneMuted}, which is the room's mute, this follows the device: unplugged,
     * or none to capture from.
     */
    public void setMicrophoneOn(boolean on) {
        if (closed.get()) {
            return;
        }
        LOG.info("microphone switched session={} on={}", name, on);
        post(() -> switchDevice(microphone, on));
    }

    /**
     * Captures from another microphone from now on (a USB microphone back on another card, a
     * device chosen anew): its capture pipeline is closed and, if the microphone is switched on,
     * started on the new source. The encoder, the keys, the RTP stream and the far end notice
     * nothing but the sound.
     */
    public void changeMicrophone(AudioSource source) {
        Objects.requireNonNull(source, "source");
        if (closed.get()) {
            return;
        }
        LOG.info("microphone source changed session={} source={}", name, source);
        post(() -> {
            boolean on = microphone.wanted();
            microphone.stop();
            microphone = microphoneSupervisor(source);
            if (on) {
                microphone.start();
            }
        });
    }

    /**
     * Switches the speaker on or off: off closes its playback pipeline (the device is released) and
     * the room hears nothing; the far end's audio is still received, measured and reported. Does
     * nothing when the session was started without a speaker ({@link AudioOutput#none()}).
     */
    public void setSpeakerOn(boolean on) {
        if (closed.get()) {
            return;
        }
        LOG.info("speaker switched session={} on={}", name, on);
        post(() -> {
            if (speaker != null) {
                switchDevice(speaker, on);
            }
        });
    }

    /**
     * Plays to another speaker from now on (a USB speaker back on another card): the playback
     * pipeline is closed and, if the speaker is switched on, started on {@code output}. Does nothing
     * when the session was started without a speaker.
     */
    public void changeSpeaker(AudioOutput.Device output) {
        Objects.requireNonNull(output, "output");
        if (closed.get()) {
            return;
        }
        LOG.info("speaker changed session={} output={}", name, output);
        post(() -> {
            if (speaker == null) {
                LOG.warn("speaker not changed: the session plays to no speaker session={}", name);
                return;
            }
            boolean on = speaker.wanted();
            speaker.stop();
            speaker = speakerSupervisor(output);
            if (on) {
                speaker.start();
            }
        });
    }

    /**
     * Replaces the keys of both directions without stopping anything: the new receive keys are
     * loaded into the idle key slot first, then {@code srtpenc} switches to the new send keys. The
     * previous receive keys are still accepted for the retention time, so packets the far end sent
     * before it switched are not lost.
     */
    public void rekey(SrtpKeyPair keys) {
        Objects.requireNonNull(keys, "keys");
        control("rekey", () -> {
            int slot = slots.idle();
            for (MediaKind kind : MediaKind.values()) {
                pipeline.setCaps(
                        incoming[kind.ordinal()][slot],
                        SessionPipeline.receiveCaps(kind, settings.ssrcs().remote(kind), keys.remote()));
            }
            byte[] local = keys.local().keyThenSalt();
            try {
                pipeline.setBytes(SessionPipeline.SRTP_ENCODER, "key", local);
            } finally {
                Arrays.fill(local, (byte) 0);
            }
            slots.activate(slot, clock.instant());
        });
    }

    /** The media flow moved to another transport (fail-over): the video bitrate ceiling follows at once. */
    public void transportChanged(TransportKind newTransport) {
        Objects.requireNonNull(newTransport, "newTransport");
        if (closed.get()) {
            return;
        }
        transport = newTransport;
        LOG.info("media transport changed session={} transport={}", name, newTransport);
        post(() -> applyVideoTarget(policy.onTransport(videoTargetKbps, newTransport)));
    }

    /** The video encoder's current bitrate target in kbit/s. */
    public int videoTargetKbps() {
        return videoTargetKbps;
    }

    /**
     * A snapshot of the four streams' statistics, read from {@code rtpbin} and {@code srtpdec} now.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public MediaStatistics statistics() {
        try {
            List<StreamStatistics> streams = new ArrayList<>();
            for (MediaKind kind : MediaKind.values()) {
                long local = settings.ssrcs().local(kind);
                long remote = settings.ssrcs().remote(kind);
                Map<String, Object> own = pipeline.rtpSourceStats(SessionPipeline.RTPBIN, kind.rtpSession(), local);
                Map<String, Object> farEnd = pipeline.rtpSourceStats(SessionPipeline.RTPBIN, kind.rtpSession(), remote);
                streams.add(StatisticsMapper.sent(kind, local, own, farEnd));
                streams.add(StatisticsMapper.received(kind, remote, farEnd, undecryptable(kind)));
            }
            return new MediaStatistics(clock.instant(), streams, unroutable.get(), videoTargetKbps);
        } catch (GstPipelineException e) {
            throw new IllegalStateException("media session " + name + " is closed", e);
        }
    }

    /** What has been decoded of the far end's media so far. */
    public DecodedMedia decoded() {
        double luma = lastLuma;
        double rms = lastRms;
        double played = lastSpeakerRms;
        return new DecodedMedia(
                videoFrames.get(),
                Double.isNaN(luma) ? OptionalDouble.empty() : OptionalDouble.of(luma),
                audioLevels.get(),
                Double.isNaN(rms) ? OptionalDouble.empty() : OptionalDouble.of(rms),
                speakerLevels.get(),
                Double.isNaN(played) ? OptionalDouble.empty() : OptionalDouble.of(played));
    }

    /** The session's name, as its thread and its log lines show it. */
    public String name() {
        return name;
    }

    /**
     * Stops capture, the pipeline and the session's thread, and releases every GStreamer object.
     * Idempotent; may be called from any thread, an event listener included.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (ticks != null) {
            ticks.cancel(false);
        }
        onExecutor(
                () -> { // read on the executor: changeCamera and friends replace them there
                    for (CaptureSupervisor device : new CaptureSupervisor[] {capture, microphone, speaker}) {
                        if (device != null) {
                            device.stop();
                        }
                    }
                });
        synchronized (controlLock) {
            if (pipeline != null) {
                pipeline.close();
            }
        }
        executor.shutdownNow();
        if (!onSessionThread()) {
            try {
                if (!executor.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn("media session thread did not stop session={}", name);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LOG.info(
                "media session closed session={} videoFramesDecoded={} audioLevels={} unroutablePackets={}"
                        + " sinkFailures={}",
                name,
                videoFrames.get(),
                audioLevels.get(),
                unroutable.get(),
                sinkFailures.get());
    }

    /**
     * Packets of {@code kind} accepted but passed by no slot's srtpdec, leaving out those still
     * queued in front of it: without that, a loaded machine would count packets not yet decrypted
     * as undecryptable. Read in this order (accepted, queued, decrypted) so a packet moving along
     * meanwhile is at worst left out, never counted twice; at most the one packet each srtpdec is
     * working on can be counted too early.
     */
    private long undecryptable(MediaKind kind) throws GstPipelineException {
        long acceptedSoFar = accepted.get(kind.ordinal());
        long queued = 0;
        for (String appSrc : incoming[kind.ordinal()]) {
            queued = Math.max(queued, pipeline.numberProperty(appSrc, "current-level-buffers"));
        }
        return Math.max(0, acceptedSoFar - queued - decrypted(kind));
    }

    /** Packets of {@code kind} that some key slot's srtpdec let through. */
    private long decrypted(MediaKind kind) throws GstPipelineException {
        long total = 0;
        for (int slot = 0; slot < SessionPipeline.KEY_SLOTS; slot++) {
            Map<String, Object> stats = pipeline.structureProperty(SessionPipeline.decryptor(kind, slot), "stats");
            total += number(stats, "recv-count") - number(stats, "recv-drop-count");
        }
        return total;
    }

    private static long number(Map<String, Object> fields, String name) {
        return fields.get(name) instanceof Long value ? value : 0;
    }

    /** Executor thread, every adaptation interval. */
    private void tick() {
        if (closed.get()) {
            return;
        }
        if (keyframeWatch.stalled(accepted.get(MediaKind.VIDEO.ordinal()), videoFrames.get())) {
            control("keyframe request", () -> {
                boolean sent = pipeline.requestKeyUnit(SessionPipeline.VIDEO_DECODER);
                LOG.debug("video stalled, keyframe requested session={} handled={}", name, sent);
            });
        }
        adaptBitrate();
    }

    /** Executor thread: reads the far end's latest report about our video and moves the target. */
    private void adaptBitrate() {
        if (encoderBitrate(videoTargetKbps).isEmpty()) {
            return; // a hardware encoder whose controls are unknown: said once at start
        }
        try {
            long local = settings.ssrcs().localVideo();
            Map<String, Object> farEnd = pipeline.rtpSourceStats(
                    SessionPipeline.RTPBIN,
                    MediaKind.VIDEO.rtpSession(),
                    settings.ssrcs().remoteVideo());
            long marker = StatisticsMapper.reportMarker(local, farEnd);
            if (marker < 0 || marker == lastReportMarker) {
                return; // no new report since the last decision
            }
            lastReportMarker = marker;
            StreamStatistics sent = StatisticsMapper.sent(MediaKind.VIDEO, local, Map.of(), farEnd);
            BitratePolicy.Report report = new BitratePolicy.Report(sent.fractionLost(), sent.roundTripTime());
            applyVideoTarget(policy.next(videoTargetKbps, transport, report));
        } catch (GstPipelineException e) {
            LOG.debug("bitrate not adapted: pipeline closed session={}", name);
        }
    }

    private void applyVideoTarget(int kbps) {
        Optional<EncoderBitrate> setting = encoderBitrate(kbps);
        if (kbps == videoTargetKbps || setting.isEmpty()) {
            return;
        }
        control("video bitrate kbps=" + kbps, () -> setEncoderBitrate(setting.get()));
        LOG.info("video bitrate target session={} from={} to={} transport={}", name, videoTargetKbps, kbps, transport);
        videoTargetKbps = kbps;
    }

    /** Executor thread. */
    private static void switchDevice(CaptureSupervisor device, boolean on) {
        if (on) {
            device.start();
        } else {
            device.stop();
        }
    }

    /** Executor thread (or build, before anything else runs there). */
    private CaptureSupervisor microphoneSupervisor(AudioSource source) {
        return new CaptureSupervisor(
                name,
                "microphone capture",
                SessionPipeline.microphone(source, SessionPipeline.microphoneChannel(channelName)),
                SessionPipeline.MICROPHONE_SINK,
                AtEnd.REPORT,
                settings.captureRetryInterval(),
                executor,
                audioListener(MediaEvent.AudioDevice.MICROPHONE));
    }

    /** Executor thread (or build). */
    private CaptureSupervisor speakerSupervisor(AudioOutput.Device output) {
        return new CaptureSupervisor(
                name,
                "speaker playback",
                SessionPipeline.speaker(output, SessionPipeline.speakerChannel(channelName)),
                output.sinkElement(),
                AtEnd.REPORT,
                settings.captureRetryInterval(),
                executor,
                audioListener(MediaEvent.AudioDevice.SPEAKER));
    }

    private CaptureSupervisor.Listener audioListener(MediaEvent.AudioDevice device) {
        return new CaptureSupervisor.Listener() {
            @Override
            public void lost(String elementName, String message, Duration retryIn) {
                deliver(new MediaEvent.AudioLost(device, elementName, message, retryIn));
            }

            @Override
            public void restored(int attempts) {
                deliver(new MediaEvent.AudioRestored(device, attempts));
            }

            @Override
            public void level(double[] rmsDecibels) {
                if (device == MediaEvent.AudioDevice.SPEAKER) {
                    lastSpeakerRms = loudest(rmsDecibels);
                    speakerLevels.incrementAndGet();
                }
            }
        };
    }

    private static double loudest(double[] rmsDecibels) {
        double loudest = Double.NEGATIVE_INFINITY;
        for (double channel : rmsDecibels) {
            loudest = Math.max(loudest, channel);
        }
        return loudest;
    }

    /** How {@code kbps} reaches this session's encoder; empty when its controls are unknown. */
    private Optional<EncoderBitrate> encoderBitrate(int kbps) {
        VideoSettings video = settings.video();
        return EncoderBitrate.of(video.encoder(), kbps, video.keyframeDistance());
    }

    private void setEncoderBitrate(EncoderBitrate setting) throws GstPipelineException {
        switch (setting.kind()) {
            case INTEGER -> pipeline.set(SessionPipeline.VIDEO_ENCODER, setting.property(), setting.value());
            case STRUCTURE ->
                pipeline.setStructure(SessionPipeline.VIDEO_ENCODER, setting.property(), (String) setting.value());
        }
    }

    /** A streaming thread: one SRTP or SRTCP packet for the wire. */
    private void sendPacket(ByteBuffer packet) {
        try {
            sink.send(packet);
        } catch (RuntimeException e) {
            if (sinkFailures.incrementAndGet() == 1) {
                LOG.warn("media packet sink failed, packet lost session={}", name, e);
            }
        }
    }

    /**
     * A streaming thread: one decoded I420 frame of the far end's size (which need not be ours);
     * the Y plane is its first two thirds. Counts it and samples the Y plane sparsely.
     */
    private void countFrame(ByteBuffer frame) {
        int start = frame.position();
        int lumaEnd = start + frame.remaining() * 2 / 3;
        long sum = 0;
        int samples = 0;
        for (int i = start; i < lumaEnd; i += LUMA_SAMPLE_STEP) {
            sum += frame.get(i) & 0xFF;
            samples++;
        }
        if (samples > 0) {
            lastLuma = (double) sum / samples;
        }
        videoFrames.incrementAndGet();
    }

    private interface Control {
        void run() throws GstPipelineException;
    }

    /** Runs a pipeline change unless closed; serialized with other controls and with close(). */
    private void control(String what, Control change) {
        synchronized (controlLock) {
            if (closed.get()) {
                LOG.debug("control ignored after close session={} control={}", name, what);
                return;
            }
            try {
                change.run();
            } catch (GstPipelineException e) {
                LOG.warn("control failed session={} control={} reason=\"{}\"", name, what, e.getMessage());
            }
        }
    }

    /**
     * Hands a device's event to the listener in a task of its own on the session thread, after the
     * one running: a listener that waits for a lock its owner holds while calling {@link #start} or
     * a control (which waits for the session thread) would otherwise deadlock.
     */
    private void deliver(MediaEvent event) {
        post(() -> dispatch(event));
    }

    private void dispatch(MediaEvent event) {
        try {
            events.accept(event);
        } catch (RuntimeException e) {
            LOG.error("media event listener failed session={} event={}", name, event, e);
        }
    }

    private void post(Runnable task) {
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("media session task failed session={}", name, e); // top of our thread
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("task after close session={}", name);
        }
    }

    /** Runs {@code task} on the session thread and waits for it (inline when already on it). */
    private void onExecutor(Runnable task) {
        if (onSessionThread()) {
            task.run();
            return;
        }
        try {
            CompletableFuture.runAsync(task, executor).get(CLOSE_TIMEOUT.toMillis() * 3, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            LOG.warn("media session task did not complete session={} reason=\"{}\"", name, e.toString());
        }
    }

    private boolean onSessionThread() {
        return Thread.currentThread() == sessionThread;
    }

    /** Bus reports of the session pipeline. Runs on GStreamer's bus thread: only posts or stores. */
    private final class Reports implements LivePipeline.Listener {
        @Override
        public void onError(String elementName, String message) {
            LOG.warn("media element failed session={} element={} message=\"{}\"", name, elementName, message);
            post(() -> dispatch(new MediaEvent.ElementFailed(elementName, message)));
        }

        @Override
        public void onEndOfStream() {
            LOG.warn("media session pipeline ended unexpectedly session={}", name);
        }

        @Override
        public void onLevel(String elementName, double[] rmsDecibels) {
            lastRms = loudest(rmsDecibels);
            audioLevels.incrementAndGet();
        }
    }
}
