package com.roomagent.hal.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.hal.board.HardwareException;
import com.roomagent.hal.board.I2cRegisters;
import org.junit.jupiter.api.Test;

/**
 * What any OPT3001 does, whether emulated or soldered to a board: the same cases run against the
 * {@link EmulatedOpt3001} and against a real chip through Pi4J when one is attached.
 */
public abstract class Opt3001ChipContract {
    /** The chip's registers, freshly powered or left as the last test left them. */
    protected abstract I2cRegisters chip() throws Exception;

    /** Waits (a real chip) or does not (the emulated one) until a conversion has completed. */
    protected abstract void awaitConversion() throws Exception;

    @Test
    void identifiesAsATexasInstrumentsOpt3001() throws Exception {
        assertEquals(Opt3001Registers.TEXAS_INSTRUMENTS, chip().readWord(Opt3001Registers.MANUFACTURER_ID));
        assertEquals(Opt3001Registers.OPT3001, chip().readWord(Opt3001Registers.DEVICE_ID));
    }

    @Test
    void configurationKeepsItsWritableBitsOnly() throws Exception {
        chip().writeWord(Opt3001Registers.CONFIGURATION, 0xFFFF);
        int kept = chip().readWord(Opt3001Registers.CONFIGURATION);

        assertEquals(Opt3001Registers.WRITABLE_CONFIGURATION_BITS, kept & Opt3001Registers.WRITABLE_CONFIGURATION_BITS);
        chip().writeWord(Opt3001Registers.CONFIGURATION, Opt3001Registers.CONFIGURATION_RESET);
    }

    @Test
    void continuousConversionsReportAValidResult() throws Exception {
        chip().writeWord(Opt3001Registers.CONFIGURATION, Opt3001Registers.CONFIGURATION_CONTINUOUS);
        awaitConversion();

        int result = chip().readWord(Opt3001Registers.RESULT);

        assertTrue((result >>> 12) <= Opt3001Registers.MAX_EXPONENT, String.format("result 0x%04X", result));
    }

    @Test
    void driverStartsTheChipAndReadsLux() throws HardwareException, SensorException, Exception {
        Opt3001Sensor sensor = new Opt3001Sensor(chip());
        sensor.start();
        awaitConversion();

        double lux = sensor.readLux();

        assertTrue(lux >= 0 && lux <= Opt3001Registers.FULL_SCALE_LUX, "lux " + lux);
    }
}
