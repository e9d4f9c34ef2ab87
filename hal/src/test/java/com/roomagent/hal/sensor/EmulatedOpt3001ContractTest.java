package com.roomagent.hal.sensor;

import com.roomagent.hal.board.I2cRegisters;

class EmulatedOpt3001ContractTest extends Opt3001ChipContract {
    private final EmulatedOpt3001 chip = new EmulatedOpt3001(1, 0x44);

    EmulatedOpt3001ContractTest() {
        chip.setLux(312.5);
    }

    @Override
    protected I2cRegisters chip() {
        return chip;
    }

    @Override
    protected void awaitConversion() {
        // The emulated chip converts instantly.
    }
}
