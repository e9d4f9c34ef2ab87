package com.roomagent.hal.profile;

import java.util.Set;

/** The ambient-light sensor chips the HAL can drive ({@code board.ambientLight.chip}). */
public enum SensorChip {
    /**
     * Texas Instruments OPT3001 (datasheet SBOS681): 16-bit registers, MSB first; I2C address
     * 0x44 to 0x47 depending on its ADDR pin.
     */
    OPT3001("opt3001", Set.of(0x44, 0x45, 0x46, 0x47));

    private final String keyword;
    private final Set<Integer> addresses;

    SensorChip(String keyword, Set<Integer> addresses) {
        this.keyword = keyword;
        this.addresses = addresses;
    }

    /** The value as written in a profile. */
    public String keyword() {
        return keyword;
    }

    /** The 7-bit I2C addresses the chip can be strapped to. */
    public Set<Integer> addresses() {
        return addresses;
    }
}
