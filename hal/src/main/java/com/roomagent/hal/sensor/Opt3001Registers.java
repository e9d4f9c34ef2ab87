package com.roomagent.hal.sensor;

/**
 * The register map and result encoding of the Texas Instruments OPT3001 ambient-light sensor
 * (datasheet SBOS681, section 7.6 "Register Maps"). Registers are 16 bits, most significant byte
 * first on the bus.
 */
public final class Opt3001Registers {
    /** Result: bits 15-12 exponent E, bits 11-0 mantissa R (section 7.6.1.1). */
    public static final int RESULT = 0x00;
    /** Configuration (section 7.6.1.2). */
    public static final int CONFIGURATION = 0x01;
    /** Interrupt low limit (section 7.6.1.3). */
    public static final int LOW_LIMIT = 0x02;
    /** Interrupt high limit (section 7.6.1.4). */
    public static final int HIGH_LIMIT = 0x03;
    /** Manufacturer ID: 0x5449, "TI" in ASCII (section 7.6.1.5). */
    public static final int MANUFACTURER_ID = 0x7E;
    /** Device ID: 0x3001 (section 7.6.1.6). */
    public static final int DEVICE_ID = 0x7F;

    public static final int TEXAS_INSTRUMENTS = 0x5449;
    public static final int OPT3001 = 0x3001;

    /** Configuration after power-on: automatic full-scale, 800 ms conversions, shut down, latched. */
    public static final int CONFIGURATION_RESET = 0xC810;
    /**
     * What the HAL writes: RN=1100 (automatic full-scale range), CT=1 (800 ms, the least noisy),
     * M=10 (continuous conversions), L=1 (latched window comparison, the reset value).
     */
    public static final int CONFIGURATION_CONTINUOUS = 0xCC10;
    /** Mode field M, bits 10-9: 00 shut down, 01 single shot, 10 and 11 continuous. */
    public static final int MODE_MASK = 0x0600;
    /** Conversion-ready flag CRF, bit 7: read-only, cleared by reading the configuration. */
    public static final int CONVERSION_READY = 0x0080;
    /** Bits 8-5 (OVF, CRF, FH, FL) are read-only; the others keep what is written. */
    public static final int WRITABLE_CONFIGURATION_BITS = 0xFE1F;

    /** The largest valid exponent (section 7.6.1.1, table 9): full scale 83865.6 lux. */
    public static final int MAX_EXPONENT = 11;
    /** The largest value the chip can report: 0.01 x 2^11 x 4095 lux. */
    public static final double FULL_SCALE_LUX = 83865.6;

    private Opt3001Registers() {}

    /**
     * Decodes the result register: lux = 0.01 x 2^E x R (datasheet equation 3).
     *
     * @throws IllegalArgumentException when the exponent is above 11, which the chip never reports
     */
    public static double luxOf(int result) {
        int exponent = (result >>> 12) & 0xF;
        int mantissa = result & 0x0FFF;
        if (exponent > MAX_EXPONENT) {
            throw new IllegalArgumentException(String.format(
                    "result 0x%04X has exponent %d; the OPT3001 reports exponents 0 to %d",
                    result, exponent, MAX_EXPONENT));
        }
        return 0.01 * (1 << exponent) * mantissa;
    }

    /**
     * Encodes a light level as the chip's automatic full-scale mode would: the smallest exponent
     * whose range holds it, so the mantissa keeps the most precision. Levels outside 0 to {@link
     * #FULL_SCALE_LUX} are clamped.
     */
    public static int resultOf(double lux) {
        double clamped = Math.max(0, Math.min(FULL_SCALE_LUX, lux));
        for (int exponent = 0; exponent <= MAX_EXPONENT; exponent++) {
            long mantissa = Math.round(clamped / (0.01 * (1 << exponent)));
            if (mantissa <= 0x0FFF) {
                return (exponent << 12) | (int) mantissa;
            }
        }
        return (MAX_EXPONENT << 12) | 0x0FFF;
    }
}
