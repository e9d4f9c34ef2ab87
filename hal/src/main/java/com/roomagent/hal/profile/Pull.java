package com.roomagent.hal.profile;

/** The bias resistor of an input line: pull-up, pull-down or none (an external resistor). */
public enum Pull {
    UP,
    DOWN,
    OFF
}
