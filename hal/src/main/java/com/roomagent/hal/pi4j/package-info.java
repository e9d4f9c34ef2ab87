/**
 * The Pi4J v2 adapter: the only package that sees Pi4J. It builds each context explicitly from the
 * profile's platform (gpiod and linuxfs providers on real boards, mock providers only for the
 * emulated board; never Pi4J's auto context) and wraps Pi4J I/O in the {@code board} interfaces.
 */
package com.roomagent.hal.pi4j;
