package com.roomagent.hal.profile;

/**
 * A GPIO output: camera power.
 *
 * @param line the line number (BCM on a Raspberry Pi, the kernel's GPIO number elsewhere)
 * @param activeLevel the level that switches the camera on
 */
public record OutputLineSpec(int line, Level activeLevel) {}
