/** The emulated software upgrade service (R19): a signing key and the published image. */
package com.roomagent.emulator.upgrade;
