/** The emulated metrics service (R20): received batches, deduplicated by batch id. */
package com.roomagent.emulator.metrics;
