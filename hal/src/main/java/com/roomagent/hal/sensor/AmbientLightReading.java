package com.roomagent.hal.sensor;

import java.time.Instant;

/**
 * One light level read from the sensor.
 *
 * @param lux the illuminance
 * @param at when it was read
 */
public record AmbientLightReading(double lux, Instant at) {}
