/** The microphone's mute state and the mute LED that shows it. */
package com.roomagent.hal.mute;
