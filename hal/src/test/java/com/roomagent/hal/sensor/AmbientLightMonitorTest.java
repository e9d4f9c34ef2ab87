package com.roomagent.hal.sensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.hal.health.Feature;
import com.roomagent.hal.health.FeatureHealth;
import com.roomagent.hal.health.FeatureStatus;
import com.roomagent.hal.health.FeatureStatus.State;
import com.roomagent.hal.testing.FakeScheduler;
import com.roomagent.hal.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AmbientLightMonitorTest {
    private final MutableClock clock = MutableClock.atEpochPlusOneDay();
    private final FakeScheduler scheduler = new FakeScheduler(clock);
    private final List<FeatureStatus> changes = new ArrayList<>();
    private final FeatureHealth health = new FeatureHealth(changes::add);
    private final EmulatedOpt3001 chip = new EmulatedOpt3001(1, 0x44);
    private final AmbientLightMonitor monitor =
            new AmbientLightMonitor(new Opt3001Sensor(chip), Duration.ofSeconds(5), health, clock, scheduler);

    @Test
    void readsTheLightEveryPollInterval() {
        chip.setLux(312.5);
        monitor.start();
        scheduler.runDueTasks();
        assertTrue(monitor.latest().isEmpty(), "no reading before the first conversion");

        scheduler.advanceBy(Duration.ofSeconds(5));
        assertEquals(312.5, monitor.latest().orElseThrow().lux(), 0.32);
        assertEquals(new FeatureStatus(Feature.AMBIENT_LIGHT, State.OK, "312.48 lx"), health.of(Feature.AMBIENT_LIGHT));

        chip.setLux(20);
        scheduler.advanceBy(Duration.ofSeconds(5));
        assertEquals(20.0, monitor.latest().orElseThrow().lux(), 0.01);
        assertEquals(clock.instant(), monitor.latest().orElseThrow().at());
    }

    @Test
    void failingSensorDegradesOnlyTheAmbientLightFeature() {
        monitor.start();
        scheduler.advanceBy(Duration.ofSeconds(5));
        chip.disconnect();

        scheduler.advanceBy(Duration.ofSeconds(5));

        assertTrue(monitor.latest().isEmpty());
        FeatureStatus status = health.of(Feature.AMBIENT_LIGHT);
        assertEquals(State.DEGRADED, status.state());
        assertEquals(
                "ambient light unavailable: I2C bus 1 address 0x44: no answer to register 0x01 (no acknowledge):"
                        + " check the sensor's wiring and power",
                status.detail());
        for (FeatureStatus other : health.all()) {
            if (other.feature() != Feature.AMBIENT_LIGHT) {
                assertEquals(State.ABSENT, other.state(), other.feature().label());
            }
        }
    }

    @Test
    void sensorThatComesBackIsStartedAgainAndRead() {
        chip.setLux(100);
        monitor.start();
        scheduler.advanceBy(Duration.ofSeconds(5));
        chip.disconnect();
        scheduler.advanceBy(Duration.ofSeconds(5));

        chip.reconnect();
        scheduler.advanceBy(Duration.ofSeconds(5)); // identified and started again
        scheduler.advanceBy(Duration.ofSeconds(5)); // read

        assertEquals(100.0, monitor.latest().orElseThrow().lux(), 0.01);
        assertEquals(State.OK, health.of(Feature.AMBIENT_LIGHT).state());
    }

    @Test
    void wrongChipAtTheAddressDegradesTheFeatureWithTheIds() {
        AmbientLightMonitor wrong = new AmbientLightMonitor(
                new Opt3001Sensor(new com.roomagent.hal.testing.ScriptedRegisters()
                        .set(Opt3001Registers.MANUFACTURER_ID, 0x1234)
                        .set(Opt3001Registers.DEVICE_ID, 0x0042)),
                Duration.ofSeconds(5),
                health,
                clock,
                scheduler);

        wrong.start();
        scheduler.runDueTasks();

        assertEquals(State.DEGRADED, health.of(Feature.AMBIENT_LIGHT).state());
        assertTrue(health.of(Feature.AMBIENT_LIGHT).detail().contains("manufacturer ID 0x1234, device ID 0x0042"));
    }
}
