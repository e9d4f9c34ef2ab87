/**
 * The ambient-light sensor: the TI OPT3001's register map and lux encoding, its driver, an emulated
 * chip for the emulated board, and the monitor that polls it and degrades only its own feature.
 */
package com.roomagent.hal.sensor;
