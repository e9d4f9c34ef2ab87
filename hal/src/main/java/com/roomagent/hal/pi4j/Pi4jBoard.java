package com.roomagent.hal.pi4j;

import com.pi4j.context.Context;
import com.roomagent.hal.board.Board;
import com.roomagent.hal.board.EmulatedBoardControls;
import com.roomagent.hal.board.HardwareException;
import com.roomagent.hal.board.I2cRegisters;
import com.roomagent.hal.board.InputLine;
import com.roomagent.hal.board.Led;
import com.roomagent.hal.board.OutputLine;
import com.roomagent.hal.health.Feature;
import com.roomagent.hal.profile.BoardProfile;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A board whose lines are Pi4J I/O in one context, which it owns. Built by {@link Pi4jBoards}. */
final class Pi4jBoard implements Board {
    private static final Logger log = LoggerFactory.getLogger(Pi4jBoard.class);

    private final BoardProfile profile;
    private final Optional<Context> context;
    private final Devices devices;
    private final Map<Feature, String> unavailable;
    private boolean closed;

    Pi4jBoard(BoardProfile profile, Optional<Context> context, Devices devices, Map<Feature, String> unavailable) {
        this.profile = profile;
        this.context = context;
        this.devices = devices;
        this.unavailable = Map.copyOf(unavailable);
    }

    @Override
    public BoardProfile profile() {
        return profile;
    }

    @Override
    public Optional<OutputLine> cameraPower() {
        return devices.cameraPower();
    }

    @Override
    public Optional<InputLine> privacyShutter() {
        return devices.privacyShutter();
    }

    @Override
    public Optional<InputLine> muteButton() {
        return devices.muteButton();
    }

    @Override
    public Optional<Led> muteLed() {
        return devices.muteLed();
    }

    @Override
    public Optional<Led> statusLed() {
        return devices.statusLed();
    }

    @Override
    public Optional<I2cRegisters> ambientLightSensor() {
        return devices.ambientLightSensor();
    }

    @Override
    public Map<Feature, String> unavailable() {
        return unavailable;
    }

    @Override
    public Optional<EmulatedBoardControls> emulatedControls() {
        return devices.controls();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        switchOff(() -> {
            if (devices.cameraPower().isPresent()) {
                devices.cameraPower().get().setActive(false);
            }
        });
        switchOff(() -> {
            if (devices.muteLed().isPresent()) {
                devices.muteLed().get().setLevel(0);
            }
        });
        switchOff(() -> {
            if (devices.statusLed().isPresent()) {
                devices.statusLed().get().setLevel(0);
            }
        });
        context.ifPresent(this::shutdown);
    }

    /** Switches one device off; a failure is logged and the others are still switched off. */
    private void switchOff(SwitchOff action) {
        try {
            action.run();
        } catch (HardwareException e) {
            log.warn("event=board-switch-off-failed board=\"{}\" reason=\"{}\"", profile.name(), e.getMessage());
        }
    }

    private void shutdown(Context pi4j) {
        try {
            pi4j.shutdown();
        } catch (RuntimeException e) {
            // Pi4J reports shutdown failures unchecked; the lines are released by the kernel when the
            // process ends, so this is worth a log line, not a failed close.
            log.warn("event=pi4j-shutdown-failed board=\"{}\" reason=\"{}\"", profile.name(), e.toString());
        }
    }

    @FunctionalInterface
    private interface SwitchOff {
        void run() throws HardwareException;
    }

    /** The devices the board could open. */
    record Devices(
            Optional<OutputLine> cameraPower,
            Optional<InputLine> privacyShutter,
            Optional<InputLine> muteButton,
            Optional<Led> muteLed,
            Optional<Led> statusLed,
            Optional<I2cRegisters> ambientLightSensor,
            Optional<EmulatedBoardControls> controls) {
        static final Devices NONE = new Devices(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }
}
