package com.roomagent.hal.pi4j;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.roomagent.hal.board.HardwareException;
import com.roomagent.hal.board.InputLine;
import com.roomagent.hal.profile.InputLineSpec;
import com.roomagent.hal.profile.Level;

/** A Pi4J digital input, read through its profile's active level. */
final class Pi4jInputLine implements InputLine {
    private final DigitalInput input;
    private final String device;
    private final int line;
    private final DigitalState activeState;
    private volatile Listener listener = active -> {};

    Pi4jInputLine(DigitalInput input, String device, InputLineSpec spec) {
        this.input = input;
        this.device = device;
        this.line = spec.line();
        this.activeState = Pi4jLevels.state(spec.activeLevel());
        input.addListener(event -> listener.edge(event.state() == activeState));
    }

    @Override
    public boolean isActive() throws HardwareException {
        return Pi4jCalls.call(device + " (GPIO " + line + ")", input::state) == activeState;
    }

    @Override
    public void setListener(Listener listener) {
        this.listener = listener;
    }

    @Override
    public int line() {
        return line;
    }

    /** The Pi4J input, for the emulated board's controls. */
    DigitalInput input() {
        return input;
    }

    /** The electrical level that means active, for the emulated board's controls. */
    Level activeLevel() {
        return Pi4jLevels.level(activeState);
    }
}
