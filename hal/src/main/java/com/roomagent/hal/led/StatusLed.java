package com.roomagent.hal.led;

import com.roomagent.hal.board.HardwareException;
import com.roomagent.hal.board.Led;
import com.roomagent.hal.health.Feature;
import com.roomagent.hal.health.FeatureHealth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Shows the agent's state on the status LED. Animated patterns are drawn in frames of {@link
 * #FRAME} on the HAL's scheduler; steady ones are set once and need no frames. A failing LED
 * degrades the status LED feature only, and every frame tries again.
 *
 * <p>Owned by the HAL's executor thread.
 */
public final class StatusLed {
    /** 20 frames a second: smooth enough for breathing, exact for the blink edges. */
    public static final Duration FRAME = Duration.ofMillis(50);

    private final Led led;
    private final FeatureHealth health;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private AgentState state;
    private Instant patternStart;
    private ScheduledFuture<?> frames;
    private double shown = Double.NaN;

    public StatusLed(Led led, FeatureHealth health, Clock clock, ScheduledExecutorService executor) {
        this.led = led;
        this.health = health;
        this.clock = clock;
        this.executor = executor;
    }

    /** Starts the pattern of a state from its beginning. */
    public void show(AgentState newState) {
        if (newState == state) {
            return;
        }
        stop();
        state = newState;
        patternStart = clock.instant();
        frame();
        if (newState.pattern().animated()) {
            long frameNanos = FRAME.toNanos();
            frames = executor.scheduleAtFixedRate(this::frame, frameNanos, frameNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Stops drawing frames; the LED keeps its last level. */
    public void stop() {
        if (frames != null) {
            frames.cancel(false);
            frames = null;
        }
    }

    private void frame() {
        double level = state.pattern().levelAt(Duration.between(patternStart, clock.instant()));
        if (level == shown) {
            return;
        }
        try {
            led.setLevel(level);
            shown = level;
            health.ok(
                    Feature.STATUS_LED,
                    state.name().toLowerCase(Locale.ROOT).replace('_', '-') + ": "
                            + state.pattern().label());
        } catch (HardwareException e) {
            shown = Double.NaN;
            health.degraded(Feature.STATUS_LED, "status LED unavailable: " + e.getMessage());
        }
    }
}
