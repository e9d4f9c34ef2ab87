/**
 * The agent's side of the room's hardware (the {@code hal} module): which state the status LED
 * shows, and what the HAL's events mean to the agent's log. The daemon owns the {@code
 * RoomHardware}; this package holds the pure parts around it.
 */
package com.roomagent.agent.hardware;
