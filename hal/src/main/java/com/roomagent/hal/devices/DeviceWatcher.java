package com.roomagent.hal.devices;

import com.roomagent.hal.profile.DeviceSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices cameras and sound cards plugged in and unplugged by looking at the system every poll
 * interval and comparing with the last look. Polling, not netlink: Java has no netlink API, and a
 * look at sysfs and procfs every few seconds costs a few file reads.
 *
 * <p>Polls run on the given scheduler, which owns the watcher's state; {@link #snapshot()} may be
 * read from any thread.
 */
public final class DeviceWatcher {
    private static final Logger log = LoggerFactory.getLogger(DeviceWatcher.class);

    private final Supplier<DeviceSnapshot> source;
    private final DeviceSpec spec;
    private final ScheduledExecutorService scheduler;
    private final Listener listener;
    private volatile DeviceSnapshot current = DeviceSnapshot.EMPTY;
    private ScheduledFuture<?> polls;

    /**
     * @param source one look at the system ({@link SystemDevices#snapshot()} on a device)
     * @param spec which V4L2 nodes count as cameras
     * @param listener told of every change, on the scheduler's thread
     */
    public DeviceWatcher(
            Supplier<DeviceSnapshot> source, DeviceSpec spec, ScheduledExecutorService scheduler, Listener listener) {
        this.source = source;
        this.spec = spec;
        this.scheduler = scheduler;
        this.listener = listener;
    }

    /** Takes the first look now, on the caller's thread, then one every poll interval. */
    public void start() {
        current = source.get();
        long interval = spec.pollInterval().toNanos();
        polls = scheduler.scheduleWithFixedDelay(this::pollSafely, interval, interval, TimeUnit.NANOSECONDS);
    }

    public void stop() {
        if (polls != null) {
            polls.cancel(false);
        }
    }

    /** The last look at the system. */
    public DeviceSnapshot snapshot() {
        return current;
    }

    /** Looks at the system once and reports what changed since the last look. */
    void poll() {
        DeviceSnapshot next = source.get();
        List<DeviceEvent> events = differences(current, next);
        current = next;
        if (!events.isEmpty()) {
            for (DeviceEvent event : events) {
                log.info("event=device-change change={}", event);
            }
            listener.changed(next, events);
        }
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            // The top of a periodic task: an escaped exception would silently cancel every later poll.
            log.error("event=device-poll-failed reason=\"{}\"", e.toString(), e);
        }
    }

    private List<DeviceEvent> differences(DeviceSnapshot before, DeviceSnapshot after) {
        List<DeviceEvent> events = new ArrayList<>();
        Map<String, VideoDevice> camerasBefore = cameras(before);
        Map<String, VideoDevice> camerasAfter = cameras(after);
        camerasBefore.forEach((id, camera) -> {
            if (!camerasAfter.containsKey(id)) {
                events.add(new DeviceEvent.CameraDisconnected(camera));
            }
        });
        camerasAfter.forEach((id, camera) -> {
            if (!camerasBefore.containsKey(id)) {
                events.add(new DeviceEvent.CameraConnected(camera));
            }
        });
        Map<String, SoundCard> cardsBefore = cards(before);
        Map<String, SoundCard> cardsAfter = cards(after);
        cardsBefore.forEach((id, card) -> {
            if (!cardsAfter.containsKey(id)) {
                events.add(new DeviceEvent.SoundCardDisconnected(card));
            }
        });
        cardsAfter.forEach((id, card) -> {
            if (!cardsBefore.containsKey(id)) {
                events.add(new DeviceEvent.SoundCardConnected(card));
            }
        });
        return events;
    }

    private Map<String, VideoDevice> cameras(DeviceSnapshot snapshot) {
        Map<String, VideoDevice> cameras = new LinkedHashMap<>();
        for (VideoDevice device : snapshot.video()) {
            if (DeviceSelection.isCamera(spec, device)) {
                cameras.put(device.identity(), device);
            }
        }
        return cameras;
    }

    private static Map<String, SoundCard> cards(DeviceSnapshot snapshot) {
        Map<String, SoundCard> cards = new LinkedHashMap<>();
        for (SoundCard card : snapshot.soundCards()) {
            cards.put(card.number() + "|" + card.id() + "|" + card.longName(), card);
        }
        return cards;
    }

    /** Receives device changes. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param now the system as it is now
         * @param events what appeared and went away since the last look
         */
        void changed(DeviceSnapshot now, List<DeviceEvent> events);
    }
}
