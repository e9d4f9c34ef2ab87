package com.roomagent.hal.pi4j;

import com.roomagent.hal.board.HardwareException;
import com.roomagent.hal.board.Led;
import com.roomagent.hal.board.OutputLine;

/** An LED without PWM: on from level 0.5, off below. */
final class Pi4jGpioLed implements Led {
    private final OutputLine output;
    private volatile double level;

    Pi4jGpioLed(OutputLine output) {
        this.output = output;
    }

    @Override
    public void setLevel(double requested) throws HardwareException {
        boolean on = requested >= 0.5;
        output.setActive(on);
        level = on ? 1.0 : 0.0;
    }

    @Override
    public double level() {
        return level;
    }

    @Override
    public int line() {
        return output.line();
    }
}
