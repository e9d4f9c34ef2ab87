package com.roomagent.hal.profile;

/** The electrical level of a GPIO line. */
public enum Level {
    HIGH,
    LOW;

    /** The level that is not this one. */
    public Level opposite() {
        return this == HIGH ? LOW : HIGH;
    }
}
