package com.roomagent.hal.pi4j;

import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.roomagent.hal.profile.Level;
import com.roomagent.hal.profile.Pull;

/** Our level and pull values in Pi4J's terms. */
final class Pi4jLevels {
    private Pi4jLevels() {}

    static DigitalState state(Level level) {
        return level == Level.HIGH ? DigitalState.HIGH : DigitalState.LOW;
    }

    static Level level(DigitalState state) {
        return state == DigitalState.HIGH ? Level.HIGH : Level.LOW;
    }

    static PullResistance pull(Pull pull) {
        return switch (pull) {
            case UP -> PullResistance.PULL_UP;
            case DOWN -> PullResistance.PULL_DOWN;
            case OFF -> PullResistance.OFF;
        };
    }
}
