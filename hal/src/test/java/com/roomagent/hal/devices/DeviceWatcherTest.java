package com.roomagent.hal.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.roomagent.hal.profile.BoardProfileException;
import com.roomagent.hal.profile.BoardProfiles;
import com.roomagent.hal.testing.FakeScheduler;
import com.roomagent.hal.testing.FakeSystemTree;
import com.roomagent.hal.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hot-plug, simulated by changing a fake sysfs/procfs tree between polls. */
class DeviceWatcherTest {
    private static final Duration POLL = Duration.ofSeconds(2); // the profiles' board.devices.pollInterval

    @TempDir
    Path root;

    private final FakeScheduler scheduler = new FakeScheduler(MutableClock.atEpochPlusOneDay());
    private final List<DeviceEvent> events = new ArrayList<>();
    private FakeSystemTree tree;
    private DeviceWatcher watcher;

    @BeforeEach
    void startWatching() throws BoardProfileException {
        tree = new FakeSystemTree(root)
                .usbCamera(
                        "video0",
                        "HD Pro Webcam C920",
                        "1-1.2",
                        "046d:082d",
                        0,
                        UvcDescriptorsTest.webcam().build())
                .usbCamera("video1", "HD Pro Webcam C920", "1-1.2", "046d:082d", 1, new byte[0]);
        watcher = new DeviceWatcher(
                new SystemDevices(root)::snapshot,
                BoardProfiles.builtIn(BoardProfiles.EMULATED).devices(),
                scheduler,
                (now, changes) -> events.addAll(changes));
        watcher.start();
    }

    @Test
    void firstLookReportsNothingButKnowsTheDevices() {
        scheduler.advanceBy(POLL);

        assertEquals(List.of(), events);
        assertEquals(2, watcher.snapshot().video().size());
    }

    @Test
    void unpluggedCameraIsNoticedAtTheNextPoll() {
        tree.unplugVideo("video0").unplugVideo("video1");
        scheduler.advanceBy(POLL.minusMillis(1));
        assertEquals(List.of(), events, "not before the poll");

        scheduler.advanceBy(Duration.ofMillis(1));

        assertEquals(1, events.size(), "the metadata node is not a camera");
        DeviceEvent.CameraDisconnected gone = assertInstanceOf(DeviceEvent.CameraDisconnected.class, events.get(0));
        assertEquals("video0", gone.camera().node());
    }

    @Test
    void cameraPluggedBackIsNoticedAgain() {
        tree.unplugVideo("video0").unplugVideo("video1");
        scheduler.advanceBy(POLL);
        tree.usbCamera(
                "video0",
                "HD Pro Webcam C920",
                "1-1.2",
                "046d:082d",
                0,
                UvcDescriptorsTest.webcam().build());

        scheduler.advanceBy(POLL);

        assertEquals(2, events.size());
        DeviceEvent.CameraConnected back = assertInstanceOf(DeviceEvent.CameraConnected.class, events.get(1));
        assertEquals("HD Pro Webcam C920", back.camera().name());
        assertEquals(5, back.camera().formats().size());
    }

    @Test
    void soundCardsComingAndGoingAreReported() {
        tree.soundCard(1, "C920", "USB-Audio", "HD Pro Webcam C920", "at usb-1").pcm(1, 0, 'c', "USB Audio");
        scheduler.advanceBy(POLL);
        tree.removeSoundCard(1);
        scheduler.advanceBy(POLL);

        assertInstanceOf(DeviceEvent.SoundCardConnected.class, events.get(0));
        assertInstanceOf(DeviceEvent.SoundCardDisconnected.class, events.get(1));
    }

    @Test
    void stoppedWatcherPollsNoMore() {
        watcher.stop();
        tree.unplugVideo("video0");

        scheduler.advanceBy(POLL.multipliedBy(3));

        assertEquals(List.of(), events);
        assertEquals(0, scheduler.pendingTasks());
    }
}
