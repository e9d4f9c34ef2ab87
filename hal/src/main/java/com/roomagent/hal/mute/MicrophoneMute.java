package com.roomagent.hal.mute;

import com.roomagent.hal.board.HardwareException;
import com.roomagent.hal.board.Led;
import com.roomagent.hal.health.Feature;
import com.roomagent.hal.health.FeatureHealth;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The microphone's mute state and the LED that shows it. The button toggles it, the agent may set
 * it (a mute from the meeting), and the LED follows in the same step, so a press is seen at once.
 * A failing LED degrades the mute LED feature only: muting still works.
 *
 * <p>Owned by the HAL's executor thread; {@link #isMuted()} may be read from any thread.
 */
public final class MicrophoneMute {
    private final Optional<Led> led;
    private final FeatureHealth health;
    private final Consumer<Boolean> onChange;
    private volatile boolean muted;

    /**
     * @param onChange called with the new state after every change
     */
    public MicrophoneMute(Optional<Led> led, FeatureHealth health, Consumer<Boolean> onChange) {
        this.led = led;
        this.health = health;
        this.onChange = onChange;
    }

    public boolean isMuted() {
        return muted;
    }

    /** Shows the current state on the LED (at start, before any change). */
    public void showState() {
        updateLed();
    }

    /** What a press of the mute button does. */
    public void toggle() {
        set(!muted);
    }

    public void set(boolean newState) {
        if (newState == muted) {
            return;
        }
        muted = newState;
        updateLed();
        onChange.accept(newState);
    }

    private void updateLed() {
        if (led.isEmpty()) {
            return;
        }
        try {
            led.get().setLevel(muted ? 1.0 : 0.0);
            health.ok(Feature.MUTE_LED, muted ? "lit: microphone muted" : "off: microphone live");
        } catch (HardwareException e) {
            health.degraded(Feature.MUTE_LED, "mute LED unavailable: " + e.getMessage());
        }
    }
}
