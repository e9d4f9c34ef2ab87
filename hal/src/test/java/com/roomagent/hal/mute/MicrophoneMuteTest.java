package com.roomagent.hal.mute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.hal.board.Led;
import com.roomagent.hal.health.Feature;
import com.roomagent.hal.health.FeatureHealth;
import com.roomagent.hal.health.FeatureStatus.State;
import com.roomagent.hal.testing.RecordingLed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MicrophoneMuteTest {
    private final RecordingLed led = new RecordingLed();
    private final FeatureHealth health = new FeatureHealth(status -> {});
    private final List<Boolean> changes = new ArrayList<>();
    private final MicrophoneMute mute = new MicrophoneMute(Optional.<Led>of(led), health, changes::add);

    @Test
    void toggleMutesAndLightsTheLedInOneStep() {
        mute.toggle();

        assertTrue(mute.isMuted());
        assertEquals(1.0, led.level());
        assertEquals(List.of(true), changes);

        mute.toggle();
        assertEquals(0.0, led.level());
        assertEquals(List.of(true, false), changes);
    }

    @Test
    void settingTheSameStateChangesNothing() {
        mute.set(false);

        assertEquals(List.of(), changes);
        assertEquals(List.of(), led.levels());
    }

    @Test
    void failingLedStillMutesAndDegradesOnlyTheMuteLed() {
        led.fail(true);

        mute.toggle();

        assertTrue(mute.isMuted());
        assertEquals(List.of(true), changes);
        assertEquals(State.DEGRADED, health.of(Feature.MUTE_LED).state());
        assertEquals(State.ABSENT, health.of(Feature.MUTE_BUTTON).state());
    }
}
