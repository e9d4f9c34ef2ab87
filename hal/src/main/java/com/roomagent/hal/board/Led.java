package com.roomagent.hal.board;

/**
 * An LED, dimmable when it sits on a PWM channel. Levels run from 0 (off) to 1 (the brightness the
 * profile calls fully on); an on/off LED lights at 0.5 and above.
 */
public interface Led {
    void setLevel(double level) throws HardwareException;

    /** The level last set, as the LED shows it (an on/off LED reports 0 or 1). */
    double level();

    /** The LED's GPIO line, for status output. */
    int line();
}
