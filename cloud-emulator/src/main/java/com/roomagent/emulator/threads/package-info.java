/** Thread naming: every thread the emulator starts says which concern owns it. */
package com.roomagent.emulator.threads;
