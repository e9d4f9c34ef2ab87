package com.roomagent.hal.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The result encoding, against the OPT3001 datasheet (SBOS681), section 7.6.1.1, table 9. */
class Opt3001RegistersTest {
    /** Table 9: full scale (mantissa 0xFFF) and LSB size of every exponent. */
    private static final double[] FULL_SCALE = {
        40.95, 81.90, 163.80, 327.60, 655.20, 1310.40, 2620.80, 5241.60, 10483.20, 20966.40, 41932.80, 83865.60
    };

    @Test
    void fullScaleOfEveryExponentMatchesTable9() {
        for (int exponent = 0; exponent <= 11; exponent++) {
            assertEquals(
                    FULL_SCALE[exponent], Opt3001Registers.luxOf((exponent << 12) | 0x0FFF), 1e-9, "E=" + exponent);
            assertEquals(
                    0.01 * (1 << exponent),
                    Opt3001Registers.luxOf((exponent << 12) | 0x0001),
                    1e-12,
                    "LSB E=" + exponent);
        }
    }

    @Test
    void luxIsOneHundredthOfTwoToTheExponentTimesTheMantissa() {
        assertEquals(0.0, Opt3001Registers.luxOf(0x0000));
        assertEquals(0.64 * 0x123, Opt3001Registers.luxOf(0x6123), 1e-9); // E=6: 0.64 lx per count
        assertEquals(2.56 * 0x4B0, Opt3001Registers.luxOf(0x84B0), 1e-9); // E=8: 2.56 lx per count
    }

    @Test
    void exponentsAboveElevenAreRefused() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> Opt3001Registers.luxOf(0xC001));

        assertEquals("result 0xC001 has exponent 12; the OPT3001 reports exponents 0 to 11", error.getMessage());
    }

    @Test
    void encodingPicksTheSmallestExponentThatHoldsTheLevel() {
        assertEquals(0x0FFF, Opt3001Registers.resultOf(40.95));
        assertEquals(0x1800, Opt3001Registers.resultOf(40.96)); // just over E=0's range: E=1, 0.02 lx per count
        assertEquals(0xBFFF, Opt3001Registers.resultOf(83865.6));
    }

    @Test
    void encodingRoundTripsWithinOneCount() {
        for (double lux : new double[] {0.01, 3.3, 312.5, 1000, 20000, 65000}) {
            double decoded = Opt3001Registers.luxOf(Opt3001Registers.resultOf(lux));
            double count = 0.01 * (1 << (Opt3001Registers.resultOf(lux) >>> 12));
            assertEquals(lux, decoded, count / 2, "lux " + lux);
        }
    }

    @Test
    void encodingClampsToTheChipsRange() {
        assertEquals(0x0000, Opt3001Registers.resultOf(-5));
        assertEquals(0xBFFF, Opt3001Registers.resultOf(1e6));
    }
}
