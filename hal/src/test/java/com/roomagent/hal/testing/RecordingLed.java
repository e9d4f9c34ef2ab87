package com.roomagent.hal.testing;

import com.roomagent.hal.board.HardwareException;
import com.roomagent.hal.board.Led;
import java.util.ArrayList;
import java.util.List;

/** An LED that records every level it is set to, and can be made to fail. */
public final class RecordingLed implements Led {
    private final List<Double> levels = new ArrayList<>();
    private double level;
    private boolean failing;

    @Override
    public void setLevel(double requested) throws HardwareException {
        if (failing) {
            throw new HardwareException("test LED (PWM channel 9): write failed: Input/output error");
        }
        level = requested;
        levels.add(requested);
    }

    @Override
    public double level() {
        return level;
    }

    @Override
    public int line() {
        return 99;
    }

    public List<Double> levels() {
        return levels;
    }

    public void fail(boolean failing) {
        this.failing = failing;
    }
}
