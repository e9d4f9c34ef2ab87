package com.roomagent.hal.profile;

import java.util.OptionalInt;

/**
 * An LED: dimmed by a hardware PWM channel when it has one, switched on and off through its GPIO
 * line otherwise.
 *
 * @param line the GPIO line the LED hangs on (for a PWM LED, the line the channel is routed to)
 * @param pwmChannel the channel of the board's PWM chip, or empty for an on/off LED
 * @param frequencyHz the PWM frequency
 * @param brightnessPercent the duty cycle of "fully on"; patterns scale from 0 to this
 */
public record LedSpec(int line, OptionalInt pwmChannel, int frequencyHz, int brightnessPercent) {}
