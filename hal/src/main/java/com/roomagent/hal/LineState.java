package com.roomagent.hal;

/**
 * One line of the board and what it is doing now.
 *
 * @param function what the line is for: {@code mute button}
 * @param line the GPIO line number
 * @param kind {@code input}, {@code output}, {@code pwm} or {@code led}
 * @param state what it shows: {@code pressed}/{@code released}, {@code closed}/{@code open},
 *     {@code on}/{@code off}, a brightness in percent, or why it could not be read
 */
public record LineState(String function, int line, String kind, String state) {}
