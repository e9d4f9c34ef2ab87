/** Files in the emulator's state directory, written atomically. */
package com.roomagent.emulator.state;
