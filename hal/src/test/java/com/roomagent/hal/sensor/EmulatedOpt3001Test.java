package com.roomagent.hal.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.roomagent.hal.board.HardwareException;
import org.junit.jupiter.api.Test;

/** The emulated chip's own behaviour, beyond what every OPT3001 does. */
class EmulatedOpt3001Test {
    private final EmulatedOpt3001 chip = new EmulatedOpt3001(1, 0x44);

    @Test
    void shutDownAtPowerOnAndReportsNothing() throws HardwareException {
        chip.setLux(500);

        assertEquals(Opt3001Registers.CONFIGURATION_RESET, chip.readWord(Opt3001Registers.CONFIGURATION));
        assertEquals(0, chip.readWord(Opt3001Registers.RESULT));
    }

    @Test
    void conversionReadyFlagIsClearedByReadingTheConfiguration() throws HardwareException {
        chip.writeWord(Opt3001Registers.CONFIGURATION, 0xC210); // single shot

        int first = chip.readWord(Opt3001Registers.CONFIGURATION);
        int second = chip.readWord(Opt3001Registers.CONFIGURATION);

        assertEquals(Opt3001Registers.CONVERSION_READY, first & Opt3001Registers.CONVERSION_READY);
        assertEquals(0, second & Opt3001Registers.CONVERSION_READY);
        assertEquals(0, second & Opt3001Registers.MODE_MASK, "single shot returns to shutdown");
    }

    @Test
    void disconnectedChipDoesNotAnswerAndComesBackReset() throws HardwareException {
        chip.writeWord(Opt3001Registers.CONFIGURATION, Opt3001Registers.CONFIGURATION_CONTINUOUS);
        chip.disconnect();

        HardwareException error = assertThrows(HardwareException.class, () -> chip.readWord(Opt3001Registers.RESULT));
        assertEquals(
                "I2C bus 1 address 0x44: no answer to register 0x00 (no acknowledge):"
                        + " check the sensor's wiring and power",
                error.getMessage());

        chip.reconnect();
        assertEquals(Opt3001Registers.CONFIGURATION_RESET, chip.readWord(Opt3001Registers.CONFIGURATION));
    }

    @Test
    void registersTheChipDoesNotHaveAreRefused() {
        HardwareException error = assertThrows(HardwareException.class, () -> chip.readWord(0x10));

        assertEquals("I2C bus 1 address 0x44: the OPT3001 has no register 0x10", error.getMessage());
    }
}
