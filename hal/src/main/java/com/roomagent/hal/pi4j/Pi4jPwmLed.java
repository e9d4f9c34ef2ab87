package com.roomagent.hal.pi4j;

import com.pi4j.io.pwm.Pwm;
import com.roomagent.hal.board.HardwareException;
import com.roomagent.hal.board.Led;
import com.roomagent.hal.profile.LedSpec;

/** An LED on a hardware PWM channel: level 1 is the profile's brightness as a duty cycle. */
final class Pi4jPwmLed implements Led {
    private final Pwm pwm;
    private final String device;
    private final LedSpec spec;
    private volatile double level;

    Pi4jPwmLed(Pwm pwm, String device, LedSpec spec) {
        this.pwm = pwm;
        this.device = device;
        this.spec = spec;
    }

    @Override
    public void setLevel(double requested) throws HardwareException {
        double clamped = Math.max(0, Math.min(1, requested));
        float duty = (float) (clamped * spec.brightnessPercent());
        String where = device + " (PWM channel " + spec.pwmChannel().orElse(-1) + ")";
        if (duty <= 0) {
            Pi4jCalls.run(where, pwm::off);
        } else {
            Pi4jCalls.run(where, () -> pwm.on(duty, spec.frequencyHz()));
        }
        level = clamped;
    }

    @Override
    public double level() {
        return level;
    }

    @Override
    public int line() {
        return spec.line();
    }

    /** The duty cycle on the channel now, in percent: 0 when the channel is off. */
    float dutyCyclePercent() throws HardwareException {
        return Pi4jCalls.call(device, () -> pwm.isOn() ? pwm.getDutyCycle() : 0f);
    }
}
