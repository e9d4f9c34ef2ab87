/** Debouncing of contacts (the mute button, the shutter sensor): a pure state machine and its wiring. */
package com.roomagent.hal.input;
