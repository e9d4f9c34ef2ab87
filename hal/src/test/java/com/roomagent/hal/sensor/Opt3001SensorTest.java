package com.roomagent.hal.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.roomagent.hal.board.HardwareException;
import com.roomagent.hal.testing.ScriptedRegisters;
import org.junit.jupiter.api.Test;

class Opt3001SensorTest {
    @Test
    void startChecksTheChipIdsThenStartsContinuousConversions() throws HardwareException, SensorException {
        ScriptedRegisters chip = opt3001();

        new Opt3001Sensor(chip).start();

        assertEquals(Opt3001Registers.CONFIGURATION_CONTINUOUS, chip.written(Opt3001Registers.CONFIGURATION));
    }

    @Test
    void anotherChipAtTheAddressIsRefusedAndLeftAlone() {
        ScriptedRegisters chip = new ScriptedRegisters()
                .set(Opt3001Registers.MANUFACTURER_ID, 0x0000)
                .set(Opt3001Registers.DEVICE_ID, 0x0000);

        SensorException error = assertThrows(SensorException.class, () -> new Opt3001Sensor(chip).start());

        assertEquals(
                "I2C bus 1 address 0x44: manufacturer ID 0x0000, device ID 0x0000; an OPT3001 answers 0x5449"
                        + " and 0x3001: check the chip and board.ambientLight.i2cAddress",
                error.getMessage());
        assertEquals(-1, chip.written(Opt3001Registers.CONFIGURATION));
    }

    @Test
    void readLuxConvertsTheResultRegister() throws HardwareException, SensorException {
        ScriptedRegisters chip =
                opt3001().set(Opt3001Registers.CONFIGURATION, 0xCC90).set(Opt3001Registers.RESULT, 0x84B0);

        assertEquals(3072.0, new Opt3001Sensor(chip).readLux(), 1e-9);
    }

    @Test
    void aChipThatWasResetIsReported() {
        ScriptedRegisters chip = opt3001().set(Opt3001Registers.CONFIGURATION, Opt3001Registers.CONFIGURATION_RESET);

        SensorException error = assertThrows(SensorException.class, () -> new Opt3001Sensor(chip).readLux());

        assertEquals(
                "I2C bus 1 address 0x44: the chip is shut down (configuration 0xC810): it was reset,"
                        + " and will be started again",
                error.getMessage());
    }

    @Test
    void anImpossibleExponentIsReported() {
        ScriptedRegisters chip =
                opt3001().set(Opt3001Registers.CONFIGURATION, 0xCC10).set(Opt3001Registers.RESULT, 0xF123);

        SensorException error = assertThrows(SensorException.class, () -> new Opt3001Sensor(chip).readLux());

        assertEquals(
                "I2C bus 1 address 0x44: result 0xF123 has exponent 15; the OPT3001 reports exponents 0 to 11",
                error.getMessage());
    }

    private static ScriptedRegisters opt3001() {
        return new ScriptedRegisters()
                .set(Opt3001Registers.MANUFACTURER_ID, 0x5449)
                .set(Opt3001Registers.DEVICE_ID, 0x3001);
    }
}
