/**
 * The board's devices as the rest of the HAL sees them: input and output lines through their
 * profile's active levels, LEDs with levels from 0 to 1, a chip's 16-bit registers, and the
 * emulated board's controls. No vendor type appears here.
 */
package com.roomagent.hal.board;
