package com.roomagent.hal.led;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedPatternTest {
    @Test
    void breathingRisesForTwoSecondsAndFallsForTwo() {
        assertEquals(0.0, LedPattern.BREATHING.levelAt(ms(0)), 1e-9);
        assertEquals(0.5, LedPattern.BREATHING.levelAt(ms(1000)), 1e-9);
        assertEquals(1.0, LedPattern.BREATHING.levelAt(ms(2000)), 1e-9);
        assertEquals(0.5, LedPattern.BREATHING.levelAt(ms(3000)), 1e-9);
        assertEquals(0.0, LedPattern.BREATHING.levelAt(ms(4000)), 1e-9);
        assertTrue(LedPattern.BREATHING.levelAt(ms(500)) < LedPattern.BREATHING.levelAt(ms(600)));
    }

    @Test
    void slowBlinkIsHalfASecondOnThenHalfASecondOff() {
        assertEquals(1.0, LedPattern.SLOW_BLINK.levelAt(ms(0)));
        assertEquals(1.0, LedPattern.SLOW_BLINK.levelAt(ms(499)));
        assertEquals(0.0, LedPattern.SLOW_BLINK.levelAt(ms(500)));
        assertEquals(0.0, LedPattern.SLOW_BLINK.levelAt(ms(999)));
        assertEquals(1.0, LedPattern.SLOW_BLINK.levelAt(ms(1000)));
    }

    @Test
    void fastBlinkIsATenthOfASecondOnThenOff() {
        assertEquals(1.0, LedPattern.FAST_BLINK.levelAt(ms(50)));
        assertEquals(0.0, LedPattern.FAST_BLINK.levelAt(ms(150)));
        assertEquals(1.0, LedPattern.FAST_BLINK.levelAt(ms(250)));
    }

    @Test
    void steadyPatternsNeverChange() {
        assertFalse(LedPattern.DIM.animated());
        assertFalse(LedPattern.SOLID.animated());
        for (long t = 0; t < 5000; t += 333) {
            assertEquals(0.25, LedPattern.DIM.levelAt(ms(t)));
            assertEquals(1.0, LedPattern.SOLID.levelAt(ms(t)));
        }
    }

    @Test
    void everyAgentStateShowsADistinctPattern() {
        List<List<Double>> seen = new ArrayList<>();
        EnumSet<LedPattern> patterns = EnumSet.noneOf(LedPattern.class);
        for (AgentState state : AgentState.values()) {
            patterns.add(state.pattern());
            List<Double> samples = new ArrayList<>();
            for (long t = 0; t < 4000; t += 50) {
                samples.add(state.pattern().levelAt(ms(t)));
            }
            for (List<Double> other : seen) {
                assertNotEquals(other, samples, state + " looks like another state");
            }
            seen.add(samples);
        }
        assertEquals(AgentState.values().length, patterns.size());
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}
