package com.roomagent.hal.sensor;

import static com.roomagent.hal.sensor.Opt3001Registers.*;

import com.roomagent.hal.board.HardwareException;
import com.roomagent.hal.board.I2cRegisters;
import java.util.Locale;

/**
 * An OPT3001 as its registers behave, for the emulated board: Pi4J's mock I2C only queues bytes,
 * so the chip is modelled here, above it. Conversions are instantaneous; everything else follows
 * the datasheet: identification registers, read-only flag bits, single-shot mode returning to
 * shutdown, the conversion-ready flag cleared by reading the configuration, the power-on reset.
 *
 * <p>Thread-safe: the HAL polls it while tests or the control socket change the light.
 */
public final class EmulatedOpt3001 implements I2cRegisters {
    private static final int LOW_LIMIT_RESET = 0xC000;
    private static final int HIGH_LIMIT_RESET = 0xBFFF;

    private final String location;
    private double lux;
    private boolean connected = true;
    private int configuration;
    private int result;
    private int lowLimit;
    private int highLimit;

    public EmulatedOpt3001(int bus, int address) {
        this.location = String.format(Locale.ROOT, "I2C bus %d address 0x%02x", bus, address);
        powerOnReset();
    }

    /** Sets the light on the sensor, in lux; a converting chip reports it at the next read. */
    public synchronized void setLux(double lux) {
        this.lux = lux;
    }

    /** Stops answering on the bus (a broken wire). */
    public synchronized void disconnect() {
        connected = false;
    }

    /** Answers again, after a power-on reset, as a chip whose supply came back would. */
    public synchronized void reconnect() {
        connected = true;
        powerOnReset();
    }

    @Override
    public synchronized int readWord(int register) throws HardwareException {
        requireAnswer(register);
        return switch (register) {
            case RESULT -> readResult();
            case CONFIGURATION -> readConfiguration();
            case LOW_LIMIT -> lowLimit;
            case HIGH_LIMIT -> highLimit;
            case MANUFACTURER_ID -> TEXAS_INSTRUMENTS;
            case DEVICE_ID -> OPT3001;
            default -> throw noSuchRegister(register);
        };
    }

    @Override
    public synchronized void writeWord(int register, int value) throws HardwareException {
        requireAnswer(register);
        switch (register) {
            case CONFIGURATION -> writeConfiguration(value & 0xFFFF);
            case LOW_LIMIT -> lowLimit = value & 0xFFFF;
            case HIGH_LIMIT -> highLimit = value & 0xFFFF;
            case RESULT, MANUFACTURER_ID, DEVICE_ID -> {
                // Read-only registers: the chip acknowledges the write and keeps its value.
            }
            default -> throw noSuchRegister(register);
        }
    }

    @Override
    public String location() {
        return location;
    }

    private boolean converting() {
        return (configuration & 0x0400) != 0; // M = 10 or 11: continuous conversions
    }

    private int readResult() {
        if (converting()) {
            result = resultOf(lux);
        }
        return result;
    }

    private int readConfiguration() {
        int value = configuration;
        if (converting()) {
            result = resultOf(lux);
            value |= CONVERSION_READY; // a continuous conversion has always completed by now
        }
        configuration &= ~CONVERSION_READY;
        return value;
    }

    private void writeConfiguration(int value) {
        configuration = (configuration & ~WRITABLE_CONFIGURATION_BITS) | (value & WRITABLE_CONFIGURATION_BITS);
        configuration &= ~CONVERSION_READY;
        int mode = (configuration & MODE_MASK) >>> 9;
        if (mode == 1) { // single shot: convert once, flag it, and shut down again
            result = resultOf(lux);
            configuration = (configuration & ~MODE_MASK) | CONVERSION_READY;
        }
    }

    private void powerOnReset() {
        configuration = CONFIGURATION_RESET;
        result = 0;
        lowLimit = LOW_LIMIT_RESET;
        highLimit = HIGH_LIMIT_RESET;
    }

    private void requireAnswer(int register) throws HardwareException {
        if (!connected) {
            throw new HardwareException(String.format(
                    Locale.ROOT,
                    "%s: no answer to register 0x%02x (no acknowledge): check the sensor's wiring and power",
                    location,
                    register));
        }
    }

    private HardwareException noSuchRegister(int register) {
        return new HardwareException(
                String.format(Locale.ROOT, "%s: the OPT3001 has no register 0x%02x", location, register));
    }
}
