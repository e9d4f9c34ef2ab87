package com.roomagent.hal.sensor;

import static com.roomagent.hal.sensor.Opt3001Registers.*;

import com.roomagent.hal.board.HardwareException;
import com.roomagent.hal.board.I2cRegisters;

/**
 * Drives an OPT3001 through its registers: identifies it, starts continuous conversions, reads lux.
 * The same code runs on a real chip (through Pi4J) and on the emulated one. Not thread-safe: one
 * owner polls it.
 */
public final class Opt3001Sensor {
    private final I2cRegisters registers;

    public Opt3001Sensor(I2cRegisters registers) {
        this.registers = registers;
    }

    /**
     * Checks that the chip is an OPT3001 and starts continuous conversions. The first result is
     * ready 800 ms later.
     *
     * @throws HardwareException when the bus or the chip does not answer
     * @throws SensorException when another chip answers at the address
     */
    public void start() throws HardwareException, SensorException {
        int manufacturer = registers.readWord(MANUFACTURER_ID);
        int device = registers.readWord(DEVICE_ID);
        if (manufacturer != TEXAS_INSTRUMENTS || device != OPT3001) {
            throw new SensorException(String.format(
                    "%s: manufacturer ID 0x%04X, device ID 0x%04X; an OPT3001 answers 0x%04X and 0x%04X:"
                            + " check the chip and board.ambientLight.i2cAddress",
                    registers.location(), manufacturer, device, TEXAS_INSTRUMENTS, OPT3001));
        }
        registers.writeWord(CONFIGURATION, CONFIGURATION_CONTINUOUS);
    }

    /**
     * The latest conversion, in lux.
     *
     * @throws HardwareException when the bus or the chip does not answer
     * @throws SensorException when the chip lost its configuration (a reset: call {@link #start()}
     *     again) or reports an impossible value
     */
    public double readLux() throws HardwareException, SensorException {
        int configuration = registers.readWord(CONFIGURATION);
        if ((configuration & MODE_MASK) == 0) {
            throw new SensorException(String.format(
                    "%s: the chip is shut down (configuration 0x%04X): it was reset, and will be started again",
                    registers.location(), configuration));
        }
        int result = registers.readWord(RESULT);
        try {
            return luxOf(result);
        } catch (IllegalArgumentException e) {
            throw new SensorException(registers.location() + ": " + e.getMessage());
        }
    }
}
