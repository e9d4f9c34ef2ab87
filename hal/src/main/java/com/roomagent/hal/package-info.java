/**
 * The hardware abstraction layer of a room device: its board (from a profile), its room controls
 * and its cameras and sound cards, running as one {@link com.roomagent.hal.RoomHardware}.
 *
 * <p>Entry points: {@link com.roomagent.hal.profile.BoardProfiles} to read a profile, {@link
 * com.roomagent.hal.RoomHardware#builder} to start the hardware, {@link
 * com.roomagent.hal.HalListener} for what it reports, {@link com.roomagent.hal.HalStatus} and
 * {@link com.roomagent.hal.HalStatusText} for status output. Pi4J is reached only through {@code
 * com.roomagent.hal.pi4j}; the behaviour (debouncing, mute, shutter, LED patterns, sensor
 * degradation, hot-plug) lives in plain classes fed with events and a clock.
 */
package com.roomagent.hal;
