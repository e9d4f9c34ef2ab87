package com.roomagent.hal.health;

/**
 * How one feature is doing.
 *
 * @param feature which one
 * @param state working, absent from the board, or degraded
 * @param detail for a working feature what it shows (a reading, a state), for a degraded one why
 *     it is degraded, for an absent one an empty string
 */
public record FeatureStatus(Feature feature, State state, String detail) {
    /** Whether a feature works. */
    public enum State {
        /** The feature works. */
        OK,
        /** The board has no such device: not a fault. */
        ABSENT,
        /** The board has the device, but it does not work; the rest of the HAL carries on. */
        DEGRADED
    }
}
