package com.roomagent.hal.profile;

/**
 * Which hardware drivers a board uses ({@code board.platform}). The HAL builds its Pi4J context
 * from this value alone; it never lets Pi4J guess.
 */
public enum Platform {
    /**
     * A Raspberry Pi 4 or 5: GPIO through the GPIO character device (Pi4J's gpiod plugin, lines are
     * BCM numbers), I2C through {@code /dev/i2c-N}, PWM through {@code /sys/class/pwm}.
     */
    RASPBERRY_PI("raspberry-pi"),
    /**
     * Any other Linux board: GPIO through the kernel's sysfs GPIO interface (lines are the kernel's
     * global GPIO numbers; Pi4J 2.8's gpiod plugin only recognises a Raspberry Pi's GPIO chip), I2C
     * and PWM as on the Raspberry Pi.
     */
    GENERIC_LINUX("generic-linux"),
    /**
     * No hardware: Pi4J's mock providers for GPIO and PWM, an emulated OPT3001 for the sensor, and
     * controls to press the button, move the shutter and set the light from outside.
     */
    EMULATED("emulated");

    private final String keyword;

    Platform(String keyword) {
        this.keyword = keyword;
    }

    /** The value as written in a profile. */
    public String keyword() {
        return keyword;
    }
}
