package com.roomagent.hal.pi4j;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.roomagent.hal.board.HardwareException;
import com.roomagent.hal.board.OutputLine;

/** A Pi4J digital output, driven through its profile's active level. */
final class Pi4jOutputLine implements OutputLine {
    private final DigitalOutput output;
    private final String device;
    private final int line;
    private final DigitalState activeState;

    Pi4jOutputLine(DigitalOutput output, String device, int line, DigitalState activeState) {
        this.output = output;
        this.device = device;
        this.line = line;
        this.activeState = activeState;
    }

    @Override
    public void setActive(boolean active) throws HardwareException {
        DigitalState state = active ? activeState : opposite(activeState);
        Pi4jCalls.run(device + " (GPIO " + line + ")", () -> output.state(state));
    }

    @Override
    public boolean isActive() throws HardwareException {
        return Pi4jCalls.call(device + " (GPIO " + line + ")", output::state) == activeState;
    }

    @Override
    public int line() {
        return line;
    }

    static DigitalState opposite(DigitalState state) {
        return state == DigitalState.HIGH ? DigitalState.LOW : DigitalState.HIGH;
    }
}
