package com.roomagent.hal.profile;

import java.time.Duration;

/**
 * A GPIO input: the mute button or the privacy shutter sensor.
 *
 * @param line the line number (BCM on a Raspberry Pi, the kernel's GPIO number elsewhere)
 * @param activeLevel the level that means pressed (button) or closed (shutter)
 * @param pull the bias resistor the HAL asks for
 * @param debounce edges closer than this to an accepted edge are bounce and ignored
 */
public record InputLineSpec(int line, Level activeLevel, Pull pull, Duration debounce) {}
