package com.roomagent.agent.daemon;

import com.roomagent.agent.call.CallMedia;
import com.roomagent.agent.call.CallMediaPlan;
import com.roomagent.agent.call.CallMediaRequest;
import com.roomagent.agent.config.AgentConfiguration;
import com.roomagent.agent.config.AgentSettings;
import com.roomagent.agent.config.ConfigurationException;
import com.roomagent.agent.config.ConfigurationLoader;
import com.roomagent.agent.control.ControlLimits;
import com.roomagent.agent.control.ControlServer;
import com.roomagent.agent.control.ControlSocketException;
import com.roomagent.agent.discovery.DiscoveryService;
import com.roomagent.agent.discovery.NetworkStateSource;
import com.roomagent.agent.discovery.TrustAnchorException;
import com.roomagent.agent.hardware.HalEvents;
import com.roomagent.agent.hardware.StatusLedStates;
import com.roomagent.agent.media.MediaAssignment;
import com.roomagent.agent.media.MediaPath;
import com.roomagent.agent.media.MediaPathException;
import com.roomagent.agent.media.MediaPathSettings;
import com.roomagent.agent.meeting.MeetingController;
import com.roomagent.agent.meeting.MeetingMediaHost;
import com.roomagent.agent.meeting.MeetingSignals;
import com.roomagent.agent.provisioning.Display;
import com.roomagent.agent.provisioning.EmulatedDisplay;
import com.roomagent.agent.provisioning.ProvisioningStatus;
import com.roomagent.agent.signaling.SignalingClient;
import com.roomagent.agent.signaling.SignalingListener;
import com.roomagent.agent.signaling.SignalingState;
import com.roomagent.agent.upgrade.SigningKeyException;
import com.roomagent.agent.upgrade.UpgradeService;
import com.roomagent.av.media.MediaElements;
import com.roomagent.av.media.MediaException;
import com.roomagent.hal.RoomHardware;
import com.roomagent.hal.led.AgentState;
import com.roomagent.hal.profile.BoardProfile;
import com.roomagent.protocol.signaling.SignalingMessage;
import com.roomagent.provisioning.identity.DeviceIdentity;
import com.roomagent.provisioning.identity.IdentityStore;
import com.roomagent.provisioning.identity.IdentityStoreException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-running agent a room system boots ({@code room-agent run}). It opens the control socket
 * and the room's hardware (the board profile's {@link RoomHardware}, kept for the agent's life; its
 * status LED follows the agent's state, see {@link StatusLedStates}), then either provisions the device (no identity yet: pairing, the camera, codes on the socket) or
 * registers with the cloud and keeps its event channel open ({@link SignalingClient}, docs/signaling.md)
 * and discovers media nodes (R9) under the identity it has. Provisioning success reloads the
 * configuration, whose provisioned layer now exists, and starts discovery; a factory reset stops
 * discovery, wipes the identity and provisions again.
 *
 * <p>Threads, each owned here: {@code agent-lifecycle} makes every change of mode, one at a time;
 * {@code discovery-scheduler-1} runs discovery's timers and probes; {@code signaling-1} registration
 * and the event channel; the control server's acceptor
 * and handlers; the HAL's {@code room-agent-hal}; while unprovisioned, the {@link
 * ProvisioningEpisode}'s threads. Mode fields are guarded by {@code this}.
 */
public final class AgentDaemon implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgentDaemon.class);

    private final ConfigurationLoader loader;
    private final Clock clock;
    private final NetworkStateSource network;
    private final IdentityStore store;
    private final Display display;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService lifecycle;
    private final HalEvents halEvents = new HalEvents();
    private final List<SignalingListener> signalingListeners = new CopyOnWriteArrayList<>();

    private AgentConfiguration configuration;
    private ControlServer control;
    private ProvisioningEpisode provisioning;
    private DiscoveryService discovery;
    private CloudServices cloudServices;
    private SignalingClient signaling;
    /** The room's meeting over {@link #signaling}: created and closed with it. */
    private MeetingController meetings;

    private DeviceIdentity identity;
    private RoomHardware hardware;
    private BoardProfile hardwareProfile;
    /** Registration's latest state (docs/signaling.md): the status LED's registering/registered. */
    private SignalingState registration = new SignalingState.Unregistered();
    /** Whether the agent is stuck on what only a person can fix: the status LED's error. */
    private boolean needsAttention;

    /** The call whose media runs now, if any: at most one (a room is in one meeting). */
    private CallMedia call;
    /** The media path of the meeting the room is in, if any: it owns the call's channel. */
    private MediaPath mediaPath;

    private AgentState shownState;
    private boolean closed;

    /**
     * @param loader reads the configuration at start, and again once provisioned or reset
     * @param console where the emulated display prints the QR code and messages (standard output)
     * @throws ConfigurationException when the configuration is broken, the board profile included
     */
    public AgentDaemon(ConfigurationLoader loader, Clock clock, NetworkStateSource network, PrintStream console)
            throws ConfigurationException {
        this.loader = loader;
        this.clock = clock;
        this.network = network;
        this.configuration = loader.load();
        this.store = new IdentityStore(configuration.stateDirectory());
        this.display = new EmulatedDisplay(configuration.stateDirectory().resolve("display"), console);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> named(task, "discovery-scheduler-1"));
        this.lifecycle = Executors.newSingleThreadExecutor(task -> named(task, "agent-lifecycle"));
    }

    /**
     * How long the agent lets an {@code activate} request on the control socket wait for its
     * outcome: the attempt may queue behind a pairing poll, and each takes at most a connect and a
     * request timeout. The CLI waits a little longer than this.
     */
    public static Duration activationWait(AgentConfiguration configuration) {
        Duration one = configuration
                .get(AgentSettings.CLOUD_CONNECT_TIMEOUT)
                .plus(configuration.get(AgentSettings.CLOUD_REQUEST_TIMEOUT));
        return one.multipliedBy(2).plusSeconds(5);
    }

    private static Thread named(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Opens the control socket, then the room's hardware, then provisions or discovers.
     *
     * @throws ControlSocketException when another agent runs on this state directory, or the
     *     socket cannot be created
     * @throws TrustAnchorException when the configured cloud trust anchors cannot be read
     */
    public void start() throws ControlSocketException, TrustAnchorException {
        LOG.info(
                "event=agent-starting cloud={} config_dir={} state_dir={}",
                configuration.get(AgentSettings.CLOUD_SIGNALING_URL),
                configuration.configDirectory(),
                configuration.stateDirectory());
        ControlServer server = ControlServer.start(
                configuration.controlSocketPath(), new ControlCommands(this, configuration), ControlLimits.DEFAULT);
        synchronized (this) {
            control = server;
        }
        Optional<DeviceIdentity> stored;
        try {
            stored = store.load();
        } catch (IdentityStoreException e) {
            LOG.error("event=identity-unreadable error=\"{}\"", e.getMessage());
            display.showMessage("The stored identity cannot be read (" + e.getMessage() + "). Provision the device"
                    + " again: a new identity replaces it.");
            stored = Optional.empty();
        }
        startHardware(stored.isPresent() ? AgentState.REGISTERING : AgentState.PROVISIONING);
        if (stored.isPresent()) {
            startDiscovery(stored.get());
        } else {
            startProvisioning();
        }
        showAgentState();
        LOG.info("event=agent-started state={}", status().state().id());
    }

    /**
     * Opens the board of the boot configuration's profile. It stays open until {@link #close()}: a
     * changed profile takes effect at the next start. Never fails as a whole (a device that does not
     * work is a degraded feature in the HAL's status).
     */
    private void startHardware(AgentState initial) {
        BoardProfile profile = configuration.boardProfile();
        RoomHardware opened = RoomHardware.builder(profile)
                .listener(halEvents)
                .initialState(initial)
                .start();
        boolean keep;
        synchronized (this) {
            keep = !closed;
            if (keep) {
                hardware = opened;
                hardwareProfile = profile;
                shownState = initial;
            }
        }
        if (!keep) {
            opened.close();
            return;
        }
        LOG.info(
                "event=hal-started board=\"{}\" platform={} profile=\"{}\" emulated={}",
                profile.name(),
                profile.platform().keyword(),
                profile.source(),
                opened.emulatedControls().isPresent());
    }

    /** Shows the agent's state on the status LED, when it changed. Any thread. */
    private void showAgentState() {
        RoomHardware board;
        AgentState state;
        synchronized (this) {
            if (closed || hardware == null) {
                return;
            }
            state = call != null
                    ? AgentState.IN_MEETING
                    : StatusLedStates.of(status().state(), registration, needsAttention);
            if (state == shownState) {
                return;
            }
            shownState = state;
            board = hardware;
        }
        board.setAgentState(state);
        LOG.info(
                "event=status-led agent_state={} pattern={}",
                state.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                state.pattern().label());
    }

    private void startProvisioning() throws TrustAnchorException {
        synchronized (this) {
            if (closed) {
                return;
            }
            LOG.info("event=provisioning-mode state_dir={}", configuration.stateDirectory());
            provisioning = ProvisioningEpisode.start(configuration, store, display, clock, this::onProvisioned);
        }
    }

    /** On the provisioning thread: hands the change of mode to {@code agent-lifecycle}. */
    private void onProvisioned(DeviceIdentity issued) {
        try {
            lifecycle.execute(() -> provisioned(issued));
        } catch (RejectedExecutionException e) {
            LOG.info("event=provisioned-while-stopping device_id={}", issued.deviceId());
        }
    }

    /** On {@code agent-lifecycle}: the provisioning thread reported an identity. */
    private void provisioned(DeviceIdentity issued) {
        ProvisioningEpisode finished;
        synchronized (this) {
            finished = provisioning;
            provisioning = null;
        }
        if (finished != null) {
            finished.close();
        }
        reloadConfiguration("provisioned");
        try {
            startDiscovery(issued);
        } catch (TrustAnchorException e) {
            LOG.error("event=discovery-not-started error=\"{}\"", e.getMessage());
            synchronized (this) {
                needsAttention = true;
            }
        }
        showAgentState();
    }

    private void startDiscovery(DeviceIdentity device) throws TrustAnchorException {
        synchronized (this) {
            if (closed) {
                return;
            }
            identity = device;
            registration = new SignalingState.Unregistered();
            signaling = SignalingAssembly.signalingClient(configuration, clock, device);
            signaling.addListener(new SignalingListener() {
                @Override
                public void stateChanged(SignalingState state) {
                    synchronized (AgentDaemon.this) {
                        registration = state;
                    }
                    showAgentState();
                    signalingListeners.forEach(listener -> listener.stateChanged(state));
                }

                @Override
                public void eventReceived(SignalingMessage.Event event) {
                    signalingListeners.forEach(listener -> listener.eventReceived(event));
                }
            });
            SignalingClient channel = signaling;
            meetings = new MeetingController(meetingSignals(channel), meetingMediaHost(), clock);
            signaling.addListener(meetings.signalingListener());
            discovery = DiscoveryAssembly.discoveryService(configuration, clock, device.deviceId());
            // Every report also goes over the event channel, at registration and after each
            // network-change re-probe (R8, R9).
            discovery.addReportListener(channel::sendDiscoveryReport);
            cloudServices = startCloudServices(device);
            if (cloudServices != null) {
                discovery.addReportListener(cloudServices.metrics()::recordDiscovery);
            }
            signaling.start();
            discovery.start(scheduler, network, DiscoveryAssembly.scheduling(configuration));
            discovery.requestDiscovery(DiscoveryService.TRIGGER_BOOT);
            LOG.info(
                    "event=discovery-mode device_id={} organization_id={} cloud={}",
                    device.deviceId(),
                    device.organizationId(),
                    configuration.get(AgentSettings.CLOUD_SIGNALING_URL));
        }
    }

    /** Metrics and upgrade checks under {@code device}; null, with a log line, when they cannot start. */
    private CloudServices startCloudServices(DeviceIdentity device) {
        try {
            return CloudServices.start(configuration, device, clock);
        } catch (TrustAnchorException | SigningKeyException e) {
            LOG.error("event=cloud-services-not-started error=\"{}\"", e.getMessage());
            needsAttention = true;
            return null;
        }
    }

    /** The upgrade checks, once provisioned and when a signing key is configured. */
    public synchronized Optional<UpgradeService> upgrades() {
        return cloudServices == null ? Optional.empty() : cloudServices.upgrades();
    }

    private void reloadConfiguration(String why) {
        try {
            AgentConfiguration reloaded = loader.load();
            synchronized (this) {
                configuration = reloaded;
            }
            LOG.info(
                    "event=configuration-reloaded reason={} cloud={}",
                    why,
                    reloaded.get(AgentSettings.CLOUD_SIGNALING_URL));
        } catch (ConfigurationException e) {
            LOG.error("event=configuration-reload-failed reason={} error=\"{}\" keeping=previous", why, e.getMessage());
        }
    }

    /**
     * Stops discovery or provisioning, wipes the identity and provisioned settings, and provisions
     * again. Runs on {@code agent-lifecycle}; waits for it.
     *
     * @throws IdentityStoreException when the identity could not be wiped completely (provisioning
     *     starts anyway, so a new identity can replace what is left)
     */
    void factoryReset() throws IdentityStoreException, TrustAnchorException, InterruptedException {
        Future<Void> done = lifecycle.submit(() -> {
            resetOnLifecycleThread();
            return null;
        });
        try {
            done.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IdentityStoreException failure) {
                throw failure;
            }
            if (e.getCause() instanceof TrustAnchorException failure) {
                throw failure;
            }
            throw new IllegalStateException("factory reset failed", e.getCause());
        }
    }

    private void resetOnLifecycleThread() throws IdentityStoreException, TrustAnchorException {
        ProvisioningEpisode episode;
        DiscoveryService running;
        CloudServices services;
        SignalingClient channel;
        MeetingController meeting;
        synchronized (this) {
            episode = provisioning;
            running = discovery;
            services = cloudServices;
            cloudServices = null;
            channel = signaling;
            meeting = meetings;
            meetings = null;
            provisioning = null;
            discovery = null;
            signaling = null;
            identity = null;
            registration = new SignalingState.Unregistered();
            needsAttention = false;
        }
        if (meeting != null) {
            meeting.close(); // the media ends: the new identity is in no meeting
        }
        if (running != null) {
            running.close();
        }
        if (services != null) {
            services.close();
        }
        if (channel != null) {
            channel.close();
        }
        if (episode != null) {
            episode.close();
        }
        LOG.info("event=factory-reset-started");
        IdentityStoreException failure = null;
        try {
            store.factoryReset();
        } catch (IdentityStoreException e) {
            failure = e;
            LOG.error("event=factory-reset-incomplete error=\"{}\"", e.getMessage());
        }
        reloadConfiguration("factory-reset");
        startProvisioning();
        showAgentState();
        LOG.info("event=factory-reset-done complete={}", failure == null);
        if (failure != null) {
            throw failure;
        }
    }

    /** Where the agent stands: provisioning's status, or the identity it runs under. */
    public synchronized ProvisioningStatus status() {
        if (identity != null) {
            return ProvisioningStatus.provisioned(identity);
        }
        if (provisioning != null) {
            return provisioning.service().status();
        }
        return new ProvisioningStatus(
                ProvisioningStatus.State.UNPROVISIONED, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The control socket, which the systemd watchdog asks for the status before each keep-alive. */
    public synchronized Path controlSocketPath() {
        return configuration.controlSocketPath();
    }

    /** The provisioning episode under way, if the device is unprovisioned. */
    synchronized Optional<ProvisioningEpisode> provisioning() {
        return Optional.ofNullable(provisioning);
    }

    /** The room's hardware, once opened at start; empty before and after. */
    public synchronized Optional<RoomHardware> hardware() {
        return Optional.ofNullable(hardware);
    }

    /** The profile the room's hardware was opened with, once opened. */
    synchronized Optional<BoardProfile> hardwareProfile() {
        return Optional.ofNullable(hardwareProfile);
    }

    /** The HAL's events, for a control request that waits for the board to react. */
    HalEvents halEvents() {
        return halEvents;
    }

    /** Discovery, once provisioned. */
    public synchronized Optional<DiscoveryService> discovery() {
        return Optional.ofNullable(discovery);
    }

    /**
     * Starts a call's media (the media path calls this once DTLS gave it keys on the winning
     * channel): planned from the board profile, the HAL's devices and {@code media.videoSource},
     * following the HAL's mute button and shutter, shown in status and the report, the status LED
     * in-meeting until {@link #endCallMedia}. The caller forwards the channel's packets to {@link
     * CallMedia#packet} and owns the channel.
     *
     * @throws MediaException when GStreamer or an element the plan needs is missing or refused to start
     * @throws IllegalStateException when the board is not open yet, or another call's media runs
     */
    public CallMedia startCallMedia(CallMediaRequest request) throws MediaException {
        RoomHardware board;
        BoardProfile profile;
        AgentConfiguration current;
        CloudServices services;
        synchronized (this) {
            if (closed || hardware == null) {
                throw new IllegalStateException("the room's hardware is not open (the agent is starting or stopping)");
            }
            if (call != null) {
                throw new IllegalStateException(
                        "call " + call.callId() + " still has media; end it before starting " + request.callId());
            }
            board = hardware;
            profile = hardwareProfile;
            current = configuration;
            services = cloudServices;
        }
        CallMediaPlan plan = CallMediaPlan.of(
                profile,
                board.selection(),
                current.get(AgentSettings.MEDIA_VIDEO_SOURCE),
                AgentDaemon::elementAvailable);
        // R20: each stream's quality to the metrics, when they run (docs/av-pipeline.md, "Status, report, metrics").
        CallMedia started = services == null
                ? CallMedia.start(request, plan, board, halEvents)
                : CallMedia.start(request, plan, board, halEvents, services.metrics()::record);
        boolean keep;
        synchronized (this) {
            keep = !closed && call == null;
            if (keep) {
                call = started;
            }
        }
        if (!keep) {
            started.close();
            throw new IllegalStateException("the agent is stopping, or another call's media started meanwhile");
        }
        showAgentState();
        return started;
    }

    /** Ends the call's media started by {@link #startCallMedia}: the session stops, the status LED follows. */
    public void endCallMedia(CallMedia ended) {
        synchronized (this) {
            if (call == ended) {
                call = null;
            }
        }
        ended.close();
        showAgentState();
    }

    /** The call whose media runs now, if any. */
    public synchronized Optional<CallMedia> callMedia() {
        return Optional.ofNullable(call);
    }

    /**
     * Joins a meeting's media (signaling calls this on a meeting join): opens a {@link MediaPath}
     * for {@code assignment} with the {@code media.*} settings, which races the node's candidates,
     * keys DTLS-SRTP and starts the call's media through {@link #startCallMedia}, then keeps the
     * path alive and fails over. Status and the report show it as {@code call.path}. Blocks until
     * the media runs; {@link #leaveMeetingMedia} ends it.
     *
     * @throws MediaPathException when no candidate answers, DTLS fails (a fingerprint mismatch
     *     included) or the media cannot start; nothing is left running
     * @throws IllegalStateException when the room is already in a meeting's media, or stopping
     */
    public MediaPath joinMeetingMedia(String callId, MediaAssignment assignment)
            throws MediaPathException, InterruptedException {
        AgentConfiguration current;
        synchronized (this) {
            if (closed || mediaPath != null) {
                throw new IllegalStateException(
                        closed
                                ? "the agent is stopping"
                                : "the room is already in meeting "
                                        + mediaPath.status().meetingId() + "; leave it before joining "
                                        + assignment.meetingId());
            }
            current = configuration;
        }
        SSLContext trust;
        try {
            trust = DiscoveryAssembly.cloudTrust(current);
        } catch (TrustAnchorException e) {
            throw new MediaPathException("cannot trust the media nodes' TLS port: " + e.getMessage(), e);
        }
        MediaPath path = MediaPath.open(
                callId,
                assignment,
                MediaPathSettings.from(current),
                trust,
                new MediaPath.CallMediaHost() {
                    @Override
                    public CallMedia start(CallMediaRequest request) throws MediaException {
                        return startCallMedia(request);
                    }

                    @Override
                    public void end(CallMedia media) {
                        endCallMedia(media);
                    }
                },
                clock);
        boolean keep;
        synchronized (this) {
            keep = !closed && mediaPath == null;
            if (keep) {
                mediaPath = path;
            }
        }
        if (!keep) {
            path.close();
            throw new IllegalStateException("the agent is stopping, or another meeting's media started meanwhile");
        }
        return path;
    }

    /** Leaves the meeting's media joined by {@link #joinMeetingMedia}: the media ends, the path closes. */
    public void leaveMeetingMedia(MediaPath left) {
        synchronized (this) {
            if (mediaPath == left) {
                mediaPath = null;
            }
        }
        left.close();
    }

    /** The room's meeting (join, leave, status), once provisioned. */
    public synchronized Optional<MeetingController> meetings() {
        return Optional.ofNullable(meetings);
    }

    private static MeetingSignals meetingSignals(SignalingClient channel) {
        return new MeetingSignals() {
            @Override
            public void join(String meetingId) {
                channel.sendMeetingJoin(meetingId);
            }

            @Override
            public void leave(String meetingId) {
                channel.sendMeetingLeave(meetingId);
            }

            @Override
            public void failover(SignalingMessage.MediaFailover failover) {
                channel.sendMediaFailover(failover);
            }
        };
    }

    private MeetingMediaHost meetingMediaHost() {
        return new MeetingMediaHost() {
            @Override
            public MediaPath open(String callId, MediaAssignment assignment)
                    throws MediaPathException, InterruptedException {
                return joinMeetingMedia(callId, assignment);
            }

            @Override
            public void close(MediaPath path) {
                leaveMeetingMedia(path);
            }
        };
    }

    /** The meeting's media path, if the room is in one. */
    public synchronized Optional<MediaPath> mediaPath() {
        return Optional.ofNullable(mediaPath);
    }

    private static boolean elementAvailable(String factoryName) {
        try {
            return MediaElements.available(factoryName);
        } catch (MediaException e) {
            return false; // the session's start names the missing GStreamer itself
        }
    }

    /** Registration and the event channel, once provisioned. */
    public synchronized Optional<SignalingClient> signaling() {
        return Optional.ofNullable(signaling);
    }

    /**
     * Adds a listener to registration (docs/signaling.md, "States"), for as long as the agent runs:
     * it survives a factory reset and a new identity. Called on the signaling thread.
     */
    public void addSignalingListener(SignalingListener listener) {
        signalingListeners.add(listener);
    }

    /** Stops every subsystem; waits up to 5 s for a probe in flight to notice. Idempotent. */
    @Override
    public void close() {
        ControlServer server;
        ProvisioningEpisode episode;
        DiscoveryService running;
        CloudServices services;
        SignalingClient channel;
        RoomHardware board;
        CallMedia media;
        MediaPath path;
        MeetingController meeting;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            meeting = meetings;
            meetings = null;
            path = mediaPath;
            mediaPath = null;
            media = call;
            call = null;
            server = control;
            episode = provisioning;
            running = discovery;
            services = cloudServices;
            cloudServices = null;
            channel = signaling;
            board = hardware;
            hardware = null;
        }
        LOG.info("event=agent-stopping");
        if (server != null) {
            server.close();
        }
        lifecycle.shutdownNow();
        if (episode != null) {
            episode.close();
        }
        if (running != null) {
            running.close();
        }
        if (services != null) {
            services.close(); // after discovery: its last report is in the spool
        }
        if (meeting != null) {
            meeting.close(); // ends the meeting's media; the cloud keeps the seat until it is left
        }
        if (channel != null) {
            channel.close();
        }
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("event=agent-stop-slow thread=discovery-scheduler reason=\"a probe did not stop within 5 s\"");
            }
            lifecycle.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (path != null) {
            path.close(); // ends the call's media and closes its channel
        }
        if (media != null) {
            media.close();
        }
        if (board != null) {
            board.close(); // last: the camera and the LEDs go off as the agent stops
        }
        LOG.info("event=agent-stopped");
    }
}
