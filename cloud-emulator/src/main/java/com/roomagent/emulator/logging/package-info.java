/** How log lines format values: one format per kind of value, for grep and for people. */
package com.roomagent.emulator.logging;
