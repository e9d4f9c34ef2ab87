/**
 * The cloud emulator: the other side of the agent, for tests, the demo and firmware CI. {@link
 * com.roomagent.emulator.CloudEmulator} is the Java API; {@link
 * com.roomagent.emulator.CloudEmulatorCommand} the command line. Behaviour and formats are
 * documented in docs/cloud-emulator.md.
 */
package com.roomagent.emulator;
