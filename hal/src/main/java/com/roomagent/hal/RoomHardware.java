package com.roomagent.hal;

import com.roomagent.hal.board.Board;
import com.roomagent.hal.board.EmulatedBoardControls;
import com.roomagent.hal.board.HardwareException;
import com.roomagent.hal.board.InputLine;
import com.roomagent.hal.devices.DeviceEvent;
import com.roomagent.hal.devices.DeviceSelection;
import com.roomagent.hal.devices.DeviceSnapshot;
import com.roomagent.hal.devices.DeviceWatcher;
import com.roomagent.hal.devices.SystemDevices;
import com.roomagent.hal.health.Feature;
import com.roomagent.hal.health.FeatureHealth;
import com.roomagent.hal.input.DebouncedInput;
import com.roomagent.hal.led.AgentState;
import com.roomagent.hal.led.StatusLed;
import com.roomagent.hal.mute.MicrophoneMute;
import com.roomagent.hal.pi4j.Pi4jBoards;
import com.roomagent.hal.profile.BoardProfile;
import com.roomagent.hal.profile.Encoder;
import com.roomagent.hal.profile.InputLineSpec;
import com.roomagent.hal.sensor.AmbientLightMonitor;
import com.roomagent.hal.sensor.Opt3001Sensor;
import com.roomagent.hal.video.VideoGate;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * The room's hardware, running: a board opened from its profile, its mute button toggling the
 * microphone and the mute LED, its privacy shutter gating video, its status LED showing the
 * agent's state, its sensor read, its cameras and sound cards watched. Built with {@link
 * #builder(BoardProfile)}.
 *
 * <p>Threading: every state change runs on one scheduler thread ({@code room-agent-hal}, owned and
 * closed by this object, unless the builder was given a scheduler, which the caller then owns and
 * must keep running until {@link #close()}, and must not run the HAL's tasks during it). Methods
 * may be called from any thread. Listener calls happen on that thread.
 */
public final class RoomHardware implements AutoCloseable {
    private final Board board;
    private final HalScheduler scheduler;
    private final FeatureHealth health;
    private final MicrophoneMute mute;
    private final VideoGate video;
    private final Optional<StatusLed> statusLed;
    private final List<DebouncedInput> inputs = new ArrayList<>();
    private final Optional<AmbientLightMonitor> ambientLight;
    private final DeviceWatcher watcher;
    private final HalListener listener;
    private volatile AgentState agentState;
    private volatile DeviceSelection selection;
    private volatile boolean closed;

    private RoomHardware(Builder builder, Board board, HalScheduler scheduler) {
        this.board = board;
        this.scheduler = scheduler;
        this.listener = builder.listener;
        this.agentState = builder.initialState;
        BoardProfile profile = board.profile();
        Clock clock = builder.clock;
        ScheduledExecutorService executor = scheduler.executor();
        health = new FeatureHealth(listener::featureChanged);
        board.unavailable().forEach(health::degraded);
        switchCameraOn();
        mute = new MicrophoneMute(board.muteLed(), health, listener::microphoneMuteChanged);
        mute.showState();
        video = new VideoGate(listener::videoChanged);
        statusLed = board.statusLed().map(led -> new StatusLed(led, health, clock, executor));
        statusLed.ifPresent(led -> led.show(agentState));
        Consumer<Boolean> buttonState = pressed -> health.ok(Feature.MUTE_BUTTON, pressed ? "pressed" : "released");
        watchInput(Feature.MUTE_BUTTON, board.muteButton(), profile.muteButton(), buttonState, pressed -> {
            buttonState.accept(pressed);
            if (pressed) {
                mute.toggle(); // a press toggles; a button already held at start is not a press
            }
        });
        Consumer<Boolean> shutterState = shut -> {
            health.ok(Feature.PRIVACY_SHUTTER, shut ? "closed" : "open");
            video.shutterClosed(shut);
        };
        watchInput(
                Feature.PRIVACY_SHUTTER, board.privacyShutter(), profile.privacyShutter(), shutterState, shutterState);
        ambientLight = board.ambientLightSensor()
                .map(registers -> new AmbientLightMonitor(
                        new Opt3001Sensor(registers),
                        profile.ambientLight().orElseThrow().pollInterval(),
                        health,
                        clock,
                        executor));
        SystemDevices system = new SystemDevices(builder.systemRoot);
        watcher = new DeviceWatcher(system::snapshot, profile.devices(), executor, this::devicesChanged);
        watcher.start();
        selection = DeviceSelection.select(profile, watcher.snapshot());
        applySelection(selection);
        ambientLight.ifPresent(AmbientLightMonitor::start);
        inputs.forEach(DebouncedInput::start);
    }

    /** A builder for the board a profile describes. */
    public static Builder builder(BoardProfile profile) {
        return new Builder(profile);
    }

    /** Shows a new agent state on the status LED. Does nothing after {@link #close()}. */
    public void setAgentState(AgentState state) {
        if (closed) {
            return;
        }
        agentState = state;
        scheduler.executor().execute(() -> statusLed.ifPresent(led -> led.show(state)));
    }

    /** Mutes or unmutes the microphone (a mute from the meeting); the LED follows. Not after close. */
    public void setMicrophoneMuted(boolean muted) {
        if (closed) {
            return;
        }
        scheduler.executor().execute(() -> mute.set(muted));
    }

    public boolean microphoneMuted() {
        return mute.isMuted();
    }

    /** The emulated board's controls; empty on real hardware. */
    public Optional<EmulatedBoardControls> emulatedControls() {
        return board.emulatedControls();
    }

    /** The devices the board uses now. */
    public DeviceSelection selection() {
        return selection;
    }

    public HalStatus status() {
        BoardProfile profile = board.profile();
        return new HalStatus(
                profile.name(),
                profile.source(),
                profile.platform().keyword(),
                profile.video().encoder().keyword(),
                profile.video().maxWidth() + "x" + profile.video().maxHeight() + "@"
                        + profile.video().maxFps(),
                agentState,
                mute.isMuted(),
                video.status(),
                ambientLight.flatMap(AmbientLightMonitor::latest),
                health.all(),
                LineStates.of(board),
                watcher.snapshot(),
                selection);
    }

    /** Stops every task, switches the camera and the LEDs off and releases the board. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        inputs.forEach(DebouncedInput::stop);
        watcher.stop();
        ambientLight.ifPresent(AmbientLightMonitor::stop);
        statusLed.ifPresent(StatusLed::stop);
        scheduler.close();
        board.close();
    }

    private void switchCameraOn() {
        board.cameraPower().ifPresent(power -> {
            try {
                power.setActive(true);
                health.ok(Feature.CAMERA_POWER, "on");
            } catch (HardwareException e) {
                health.degraded(Feature.CAMERA_POWER, "camera power unavailable: " + e.getMessage());
            }
        });
    }

    /**
     * @param initial told the debounced state at start
     * @param onChange told every accepted change afterwards
     */
    private void watchInput(
            Feature feature,
            Optional<InputLine> line,
            Optional<InputLineSpec> spec,
            Consumer<Boolean> initial,
            Consumer<Boolean> onChange) {
        if (line.isEmpty() || spec.isEmpty()) {
            return;
        }
        try {
            DebouncedInput input = new DebouncedInput(
                    line.get(), spec.get().debounce(), scheduler.clock(), scheduler.executor(), onChange);
            inputs.add(input);
            initial.accept(input.isActive());
        } catch (HardwareException e) {
            health.degraded(feature, feature.label() + " unavailable: " + e.getMessage());
        }
    }

    private void devicesChanged(DeviceSnapshot now, List<DeviceEvent> events) {
        events.forEach(listener::deviceChanged);
        DeviceSelection next = DeviceSelection.select(board.profile(), now);
        if (!next.equals(selection)) {
            selection = next;
            applySelection(next);
            listener.selectionChanged(next);
        }
    }

    private void applySelection(DeviceSelection chosen) {
        video.camera(chosen.camera());
        if (board.profile().video().encoder() == Encoder.V4L2H264ENC) {
            if (chosen.encoder().isPresent()) {
                health.ok(
                        Feature.VIDEO_ENCODER,
                        "v4l2h264enc on " + chosen.encoder().get().deviceNode());
            } else {
                health.degraded(
                        Feature.VIDEO_ENCODER,
                        "the profile names v4l2h264enc but the system has no V4L2 encoder device;"
                                + " encode with x264 (board.video.encoder=x264)");
            }
        } else {
            health.ok(Feature.VIDEO_ENCODER, "x264 (software)");
        }
    }

    /** Builds and starts a {@link RoomHardware}. */
    public static final class Builder {
        private final BoardProfile profile;
        private Path systemRoot = Path.of("/");
        private Clock clock = Clock.systemUTC();
        private Optional<ScheduledExecutorService> scheduler = Optional.empty();
        private HalListener listener = new HalListener() {};
        private AgentState initialState = AgentState.PROVISIONING;

        private Builder(BoardProfile profile) {
            this.profile = profile;
        }

        /** Where {@code /sys}, {@code /proc} and {@code /dev} are; {@code /} unless testing. */
        public Builder systemRoot(Path root) {
            this.systemRoot = root;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** A scheduler the caller owns, instead of the HAL's own thread (for tests on virtual time). */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = Optional.of(scheduler);
            return this;
        }

        public Builder listener(HalListener listener) {
            this.listener = listener;
            return this;
        }

        /** The state the status LED shows until {@link RoomHardware#setAgentState}; provisioning unless set. */
        public Builder initialState(AgentState state) {
            this.initialState = state;
            return this;
        }

        /**
         * Opens the board and starts everything. Does not fail as a whole: a device that cannot be
         * opened or read is a degraded feature in {@link RoomHardware#status()}.
         */
        public RoomHardware start() {
            HalScheduler halScheduler =
                    scheduler.map(given -> HalScheduler.given(given, clock)).orElseGet(() -> HalScheduler.own(clock));
            Board board = Pi4jBoards.open(profile, systemRoot);
            try {
                return new RoomHardware(this, board, halScheduler);
            } catch (RuntimeException e) {
                board.close();
                halScheduler.close();
                throw e;
            }
        }
    }
}
