package com.roomagent.hal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.hal.board.EmulatedBoardControls;
import com.roomagent.hal.devices.UvcDescriptorsTestData;
import com.roomagent.hal.health.Feature;
import com.roomagent.hal.health.FeatureStatus;
import com.roomagent.hal.health.FeatureStatus.State;
import com.roomagent.hal.led.AgentState;
import com.roomagent.hal.testing.FakeScheduler;
import com.roomagent.hal.testing.FakeSystemTree;
import com.roomagent.hal.testing.MutableClock;
import com.roomagent.hal.testing.Profiles;
import com.roomagent.hal.testing.RecordingHalListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The room's behaviour on the emulated board: Pi4J's mock platform, virtual time, a fake system tree. */
class RoomHardwareTest {
    @TempDir
    Path root;

    private final MutableClock clock = MutableClock.atEpochPlusOneDay();
    private final FakeScheduler scheduler = new FakeScheduler(clock);
    private final RecordingHalListener listener = new RecordingHalListener();
    private RoomHardware hal;
    private EmulatedBoardControls controls;

    @BeforeEach
    void start() {
        new FakeSystemTree(root)
                .usbCamera("video0", "HD Pro Webcam C920", "1-1.2", "046d:082d", 0, UvcDescriptorsTestData.webcam());
        hal = RoomHardware.builder(Profiles.emulated())
                .systemRoot(root)
                .clock(clock)
                .scheduler(scheduler)
                .listener(listener)
                .initialState(AgentState.REGISTERED)
                .start();
        controls = hal.emulatedControls().orElseThrow();
        scheduler.runDueTasks();
    }

    @AfterEach
    void close() {
        hal.close();
    }

    @Test
    void buttonPressMutesAndLightsTheLedBeforeTheButtonIsReleased() {
        controls.pressMuteButton();
        scheduler.runDueTasks();

        assertTrue(hal.microphoneMuted());
        assertEquals(List.of(true), listener.mutes);
        assertEquals(line("mute LED"), new LineState("mute LED", 12, "pwm 0", "100% of 80% brightness"));

        controls.releaseMuteButton();
        scheduler.advanceBy(Duration.ofMillis(100));
        assertTrue(hal.microphoneMuted(), "the release does not toggle");
    }

    @Test
    void bouncingPressTogglesOnce() {
        controls.pressMuteButton();
        scheduler.advanceBy(Duration.ofMillis(3));
        controls.releaseMuteButton();
        scheduler.advanceBy(Duration.ofMillis(4));
        controls.pressMuteButton();
        scheduler.advanceBy(Duration.ofMillis(5));
        controls.releaseMuteButton();
        scheduler.advanceBy(Duration.ofMillis(2));
        controls.pressMuteButton();
        scheduler.advanceBy(Duration.ofMillis(200));
        controls.releaseMuteButton();
        scheduler.advanceBy(Duration.ofMillis(200));

        assertEquals(List.of(true), listener.mutes);
    }

    @Test
    void pressShorterThanTheDebounceCountsAndSoDoesTheNextOne() {
        controls.pressMuteButton();
        scheduler.advanceBy(Duration.ofMillis(10)); // released well inside the 30 ms debounce
        controls.releaseMuteButton();
        scheduler.advanceBy(Duration.ofMillis(500));

        controls.pressMuteButton();
        scheduler.advanceBy(Duration.ofMillis(10));
        controls.releaseMuteButton();
        scheduler.advanceBy(Duration.ofMillis(500));

        assertEquals(List.of(true, false), listener.mutes);
        assertEquals("off", line("mute LED").state());
    }

    @Test
    void agentCanMuteTooAndTheLedFollows() {
        hal.setMicrophoneMuted(true);
        scheduler.runDueTasks();

        assertEquals(List.of(true), listener.mutes);
        assertEquals("100% of 80% brightness", line("mute LED").state());
    }

    @Test
    void closedShutterStopsVideoAndSaysSoInStatus() {
        assertEquals(
                "video available: HD Pro Webcam C920 (" + root.resolve("dev/video0") + ")",
                hal.status().video().text());

        controls.closePrivacyShutter();
        scheduler.runDueTasks();

        assertFalse(hal.status().video().available());
        assertEquals(
                "video stopped: privacy shutter closed", hal.status().video().text());
        assertEquals(
                "video stopped: privacy shutter closed",
                listener.videos.get(listener.videos.size() - 1).text());
        assertEquals("closed", line("privacy shutter").state());
        assertTrue(HalStatusText.format(hal.status()).contains("video stopped: privacy shutter closed\n"));

        controls.openPrivacyShutter();
        scheduler.advanceBy(Duration.ofMillis(100));
        assertTrue(hal.status().video().available());
    }

    @Test
    void statusLedShowsTheAgentState() {
        assertEquals("25% of 60% brightness", line("status LED").state(), "registered: a dim steady light");

        hal.setAgentState(AgentState.ERROR);
        scheduler.runDueTasks();
        assertEquals("100% of 60% brightness", line("status LED").state());
        scheduler.advanceBy(Duration.ofMillis(100));
        assertEquals("off", line("status LED").state(), "fast blink: off after 100 ms");
        assertEquals(AgentState.ERROR, hal.status().agentState());
    }

    @Test
    void lightLevelSetFromOutsideIsReadThroughTheChip() {
        controls.setAmbientLight(450);

        scheduler.advanceBy(Duration.ofSeconds(5));

        assertEquals(450.0, hal.status().ambientLight().orElseThrow().lux(), 0.32);
    }

    @Test
    void failingSensorDegradesOnlyAmbientLightAndTheRoomKeepsWorking() {
        scheduler.advanceBy(Duration.ofSeconds(5));
        controls.disconnectAmbientLightSensor();
        scheduler.advanceBy(Duration.ofSeconds(5));

        controls.pressMuteButton();
        scheduler.runDueTasks();

        assertTrue(hal.microphoneMuted());
        for (FeatureStatus feature : hal.status().features()) {
            State expected = feature.feature() == Feature.AMBIENT_LIGHT ? State.DEGRADED : State.OK;
            assertEquals(expected, feature.state(), feature.feature().label() + ": " + feature.detail());
        }
        assertTrue(HalStatusText.format(hal.status()).contains("ambient light    degraded ambient light unavailable:"));
    }

    @Test
    void unpluggedCameraStopsVideoAndThePipelineIsTold() {
        new FakeSystemTree(root).unplugVideo("video0");
        scheduler.advanceBy(Duration.ofSeconds(2));

        assertEquals("video stopped: no camera found", hal.status().video().text());
        assertEquals(1, listener.devices.size());
        assertTrue(listener.selections.get(0).camera().isEmpty());

        new FakeSystemTree(root)
                .usbCamera("video0", "HD Pro Webcam C920", "1-1.2", "046d:082d", 0, UvcDescriptorsTestData.webcam());
        scheduler.advanceBy(Duration.ofSeconds(2));

        assertTrue(hal.status().video().available());
        assertEquals("video0", listener.selections.get(1).camera().orElseThrow().node());
    }

    @Test
    void cameraIsPoweredWhileRunningAndCloseCancelsEveryTask() {
        assertEquals("on", line("camera power").state());

        hal.close();

        assertEquals(0, scheduler.pendingTasks(), "every periodic task cancelled");
    }

    @Test
    void statusTextListsTheBoardItsFeaturesLinesAndDevices() {
        String text = HalStatusText.format(hal.status());

        assertTrue(text.startsWith("board: Emulated room board (emulated, profile test profile)\n"), text);
        assertTrue(text.contains("agent state: registered (status LED: dim)\n"), text);
        assertTrue(text.contains("  GPIO 22   mute button      input    released\n"), text);
        assertTrue(text.contains("  * video0   HD Pro Webcam C920"), text);
        assertTrue(text.contains("      formats: YUYV 640x480@30, YUYV 1920x1080@15, MJPG 1280x720@30,"), text);
    }

    private LineState line(String function) {
        return hal.status().lines().stream()
                .filter(l -> l.function().equals(function))
                .findFirst()
                .orElseThrow();
    }
}
