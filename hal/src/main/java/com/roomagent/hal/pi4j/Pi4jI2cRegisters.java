package com.roomagent.hal.pi4j;

import com.pi4j.io.i2c.I2C;
import com.roomagent.hal.board.HardwareException;
import com.roomagent.hal.board.I2cRegisters;
import java.util.Locale;

/** A chip's 16-bit registers through a Pi4J I2C device (SMBus word transfers, MSB first). */
final class Pi4jI2cRegisters implements I2cRegisters {
    private final I2C i2c;
    private final String location;

    Pi4jI2cRegisters(I2C i2c, int bus, int address) {
        this.i2c = i2c;
        this.location = String.format(Locale.ROOT, "I2C bus %d address 0x%02x", bus, address);
    }

    @Override
    public int readWord(int register) throws HardwareException {
        return Pi4jCalls.call(where(register), () -> i2c.readRegisterWord(register)) & 0xFFFF;
    }

    @Override
    public void writeWord(int register, int value) throws HardwareException {
        Pi4jCalls.run(where(register), () -> i2c.writeRegisterWord(register, value & 0xFFFF));
    }

    @Override
    public String location() {
        return location;
    }

    private String where(int register) {
        return String.format(Locale.ROOT, "%s register 0x%02x", location, register);
    }
}
