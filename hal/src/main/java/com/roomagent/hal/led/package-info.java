/** The agent's states and the status LED patterns that show them, drawn on a scheduler. */
package com.roomagent.hal.led;
