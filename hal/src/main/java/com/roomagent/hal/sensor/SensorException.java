package com.roomagent.hal.sensor;

/**
 * A sensor answered, but not as the chip the profile names would: wrong identification registers,
 * a value outside the chip's range, or a configuration it did not keep (a reset). The message says
 * where the chip is, what it answered and what was expected.
 */
public final class SensorException extends Exception {
    private static final long serialVersionUID = 1L;

    public SensorException(String message) {
        super(message);
    }
}
