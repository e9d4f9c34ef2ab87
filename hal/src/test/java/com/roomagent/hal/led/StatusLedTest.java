package com.roomagent.hal.led;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.hal.health.Feature;
import com.roomagent.hal.health.FeatureHealth;
import com.roomagent.hal.health.FeatureStatus;
import com.roomagent.hal.health.FeatureStatus.State;
import com.roomagent.hal.testing.FakeScheduler;
import com.roomagent.hal.testing.MutableClock;
import com.roomagent.hal.testing.RecordingLed;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusLedTest {
    private final MutableClock clock = MutableClock.atEpochPlusOneDay();
    private final FakeScheduler scheduler = new FakeScheduler(clock);
    private final RecordingLed led = new RecordingLed();
    private final FeatureHealth health = new FeatureHealth(status -> {});
    private final StatusLed statusLed = new StatusLed(led, health, clock, scheduler);

    @Test
    void registeringBlinksSlowlyFrameByFrame() {
        statusLed.show(AgentState.REGISTERING);

        scheduler.advanceBy(Duration.ofMillis(2000));

        assertEquals(List.of(1.0, 0.0, 1.0, 0.0, 1.0), led.levels(), "a write per change, none per frame");
        assertEquals(
                new FeatureStatus(Feature.STATUS_LED, State.OK, "registering: slow blink"),
                health.of(Feature.STATUS_LED));
    }

    @Test
    void errorBlinksFiveTimesASecond() {
        statusLed.show(AgentState.ERROR);

        scheduler.advanceBy(Duration.ofMillis(1000));

        assertEquals(11, led.levels().size()); // on at 0, then a change every 100 ms
    }

    @Test
    void provisioningBreathesSmoothly() {
        statusLed.show(AgentState.PROVISIONING);

        scheduler.advanceBy(Duration.ofMillis(2000));

        assertEquals(41, led.levels().size(), "a frame every 50 ms");
        assertEquals(1.0, led.level(), 1e-9);
        for (int i = 1; i < led.levels().size(); i++) {
            assertTrue(led.levels().get(i) > led.levels().get(i - 1), "rising for the first two seconds");
        }
    }

    @Test
    void steadyStatesAreSetOnceAndNeedNoFrames() {
        statusLed.show(AgentState.IN_MEETING);
        scheduler.advanceBy(Duration.ofSeconds(10));
        statusLed.show(AgentState.REGISTERED);
        scheduler.advanceBy(Duration.ofSeconds(10));

        assertEquals(List.of(1.0, 0.25), led.levels());
        assertEquals(0, scheduler.pendingTasks());
    }

    @Test
    void newStateStopsTheOldPatternsFrames() {
        statusLed.show(AgentState.PROVISIONING);
        scheduler.advanceBy(Duration.ofMillis(500));

        statusLed.show(AgentState.IN_MEETING);
        int writes = led.levels().size();
        scheduler.advanceBy(Duration.ofSeconds(5));

        assertEquals(writes, led.levels().size());
        assertEquals(1.0, led.level());
    }

    @Test
    void failingLedDegradesTheStatusLedAndRecoversWhenItWorksAgain() {
        led.fail(true);
        statusLed.show(AgentState.REGISTERING);

        assertEquals(State.DEGRADED, health.of(Feature.STATUS_LED).state());
        assertEquals(
                "status LED unavailable: test LED (PWM channel 9): write failed: Input/output error",
                health.of(Feature.STATUS_LED).detail());

        led.fail(false);
        scheduler.advanceBy(Duration.ofMillis(50));
        assertEquals(State.OK, health.of(Feature.STATUS_LED).state());
        assertEquals(State.ABSENT, health.of(Feature.MUTE_LED).state(), "no other feature touched");
    }
}
