package com.roomagent.hal.profile;

import java.time.Duration;

/**
 * The ambient-light sensor.
 *
 * @param chip which chip, and so which register map
 * @param i2cBus the bus number ({@code /dev/i2c-<bus>})
 * @param i2cAddress the chip's 7-bit address
 * @param pollInterval how often the HAL reads the light level
 */
public record AmbientLightSpec(SensorChip chip, int i2cBus, int i2cAddress, Duration pollInterval) {}
