package com.roomagent.hal.board;

/**
 * The 16-bit registers of one chip on an I2C bus, most significant byte first (the OPT3001's
 * layout, and SMBus "word" transfers byte-swapped). Not thread-safe: one owner polls the chip.
 */
public interface I2cRegisters {
    /** Reads a register: 0 to 0xFFFF. */
    int readWord(int register) throws HardwareException;

    void writeWord(int register, int value) throws HardwareException;

    /** Where the chip is, for messages: {@code I2C bus 1 address 0x44}. */
    String location();
}
