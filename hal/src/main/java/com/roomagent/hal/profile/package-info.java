/**
 * Board profiles: which lines, LEDs, sensor, encoder and video caps a board has, read from a
 * Commons Configuration properties source and checked key by key (docs/hal.md lists every key).
 */
package com.roomagent.hal.profile;
