package com.roomagent.hal.testing;

import com.roomagent.hal.board.HardwareException;
import com.roomagent.hal.board.I2cRegisters;
import java.util.HashMap;
import java.util.Map;

/** Registers holding whatever the test puts in them: a chip that answers anything, even nonsense. */
public final class ScriptedRegisters implements I2cRegisters {
    private final Map<Integer, Integer> values = new HashMap<>();
    private final Map<Integer, Integer> writes = new HashMap<>();

    public ScriptedRegisters set(int register, int value) {
        values.put(register, value);
        return this;
    }

    /** The last value written to a register, or -1. */
    public int written(int register) {
        return writes.getOrDefault(register, -1);
    }

    @Override
    public int readWord(int register) throws HardwareException {
        Integer value = values.get(register);
        if (value == null) {
            throw new HardwareException(String.format("scripted chip: no value for register 0x%02x", register));
        }
        return value;
    }

    @Override
    public void writeWord(int register, int value) {
        writes.put(register, value);
        values.put(register, value);
    }

    @Override
    public String location() {
        return "I2C bus 1 address 0x44";
    }
}
