/**
 * The emulator's configuration: values ({@link com.roomagent.emulator.config.EmulatorConfig} and
 * friends), the strict JSON file reader, and the validator that reports every mistake with its
 * file, node and field before anything is bound.
 */
package com.roomagent.emulator.config;
