package com.roomagent.hal.led;

import java.time.Duration;

/**
 * A status LED pattern: a level from 0 to 1 as a function of the time since the pattern started.
 * Blinking means "not ready" (slow while connecting, fast on an error), breathing means "waiting for
 * an installer", a steady light means "ready": dim when idle, bright in a meeting, like an on-air
 * light.
 */
public enum LedPattern {
    /** A smooth rise and fall, 4 s per breath. */
    BREATHING("breathing", Duration.ofSeconds(4)),
    /** 0.5 s on, 0.5 s off. */
    SLOW_BLINK("slow blink", Duration.ofSeconds(1)),
    /** Steady at a quarter of full brightness. */
    DIM("dim", Duration.ZERO),
    /** Steady at full brightness. */
    SOLID("solid", Duration.ZERO),
    /** 0.1 s on, 0.1 s off. */
    FAST_BLINK("fast blink", Duration.ofMillis(200));

    static final double DIM_LEVEL = 0.25;

    private final String label;
    private final Duration period;

    LedPattern(String label, Duration period) {
        this.label = label;
        this.period = period;
    }

    /** The pattern's name for people. */
    public String label() {
        return label;
    }

    /** Whether the level changes with time (and so needs frames). */
    public boolean animated() {
        return !period.isZero();
    }

    /** The level at {@code elapsed} since the pattern started: 0 (off) to 1 (full). */
    public double levelAt(Duration elapsed) {
        long periodNanos = period.toNanos();
        double phase = periodNanos == 0 ? 0 : (double) Math.floorMod(elapsed.toNanos(), periodNanos) / periodNanos;
        return switch (this) {
            case BREATHING -> (1 - Math.cos(2 * Math.PI * phase)) / 2;
            case SLOW_BLINK, FAST_BLINK -> phase < 0.5 ? 1.0 : 0.0;
            case DIM -> DIM_LEVEL;
            case SOLID -> 1.0;
        };
    }
}
