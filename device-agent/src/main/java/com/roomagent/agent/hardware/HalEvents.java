package com.roomagent.agent.hardware;

import com.roomagent.hal.HalListener;
import com.roomagent.hal.devices.AudioDevice;
import com.roomagent.hal.devices.DeviceEvent;
import com.roomagent.hal.devices.DeviceSelection;
import com.roomagent.hal.devices.VideoDevice;
import com.roomagent.hal.health.Feature;
import com.roomagent.hal.health.FeatureStatus;
import com.roomagent.hal.video.VideoStatus;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's {@link HalListener}: one log line per HAL event ({@code event=hal-...}), and a way for
 * a control request that moved the emulated board to wait until the HAL has reacted.
 *
 * <p>Threading: events arrive on the HAL's thread ({@code room-agent-hal}); {@link #await} may be
 * called from any other thread, and is woken by every event.
 */
public final class HalEvents implements HalListener {
    private static final Logger LOG = LoggerFactory.getLogger(HalEvents.class);

    /** Who else hears the HAL (a call's media), after the log line; on the HAL's thread. */
    private final List<HalListener> followers = new CopyOnWriteArrayList<>();

    /**
     * Lets {@code follower} hear every HAL event from now on, until the returned handle is closed.
     * The HAL takes one listener; this is how a call's media hears the mute button and the shutter.
     */
    public AutoCloseable follow(HalListener follower) {
        followers.add(follower);
        return () -> followers.remove(follower);
    }

    @Override
    public void microphoneMuteChanged(boolean muted) {
        LOG.info("event=hal-microphone muted={}", muted);
        tell(f -> f.microphoneMuteChanged(muted));
        wake();
    }

    @Override
    public void videoChanged(VideoStatus status) {
        LOG.info("event=hal-video available={} status=\"{}\"", status.available(), status.text());
        tell(f -> f.videoChanged(status));
        wake();
    }

    @Override
    public void deviceChanged(DeviceEvent event) {
        if (event instanceof DeviceEvent.CameraConnected connected) {
            LOG.info("event=hal-device change=camera-connected {}", describe(connected.camera()));
        } else if (event instanceof DeviceEvent.CameraDisconnected disconnected) {
            LOG.info("event=hal-device change=camera-disconnected {}", describe(disconnected.camera()));
        } else if (event instanceof DeviceEvent.SoundCardConnected connected) {
            LOG.info(
                    "event=hal-device change=sound-card-connected card={} id={}",
                    connected.card().number(),
                    connected.card().id());
        } else if (event instanceof DeviceEvent.SoundCardDisconnected disconnected) {
            LOG.info(
                    "event=hal-device change=sound-card-disconnected card={} id={}",
                    disconnected.card().number(),
                    disconnected.card().id());
        }
        tell(f -> f.deviceChanged(event));
        wake();
    }

    @Override
    public void selectionChanged(DeviceSelection selection) {
        LOG.info(
                "event=hal-selection camera={} microphone={} speaker={}",
                selection.camera().map(VideoDevice::node).orElse("none"),
                selection.microphone().map(AudioDevice::alsaName).orElse("none"),
                selection.speaker().map(AudioDevice::alsaName).orElse("none"));
        tell(f -> f.selectionChanged(selection));
        wake();
    }

    @Override
    public void featureChanged(FeatureStatus status) {
        String feature = status.feature().label().replace(' ', '-');
        String state = status.state().name().toLowerCase(Locale.ROOT);
        boolean reading = status.feature() == Feature.AMBIENT_LIGHT && status.state() == FeatureStatus.State.OK;
        if (reading || status.state() == FeatureStatus.State.DEGRADED) {
            // A light reading changes every poll; a degradation is logged by the HAL itself, with its reason.
            LOG.debug("event=hal-feature feature={} state={} detail=\"{}\"", feature, state, status.detail());
        } else {
            LOG.info("event=hal-feature feature={} state={} detail=\"{}\"", feature, state, status.detail());
        }
        tell(f -> f.featureChanged(status));
        wake();
    }

    /**
     * Waits until {@code condition} holds, checking it now and after every HAL event, for at most
     * {@code limit}.
     *
     * @return whether it holds
     */
    public synchronized boolean await(BooleanSupplier condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private void tell(Consumer<HalListener> event) {
        for (HalListener follower : followers) {
            try {
                event.accept(follower);
            } catch (RuntimeException e) {
                // The HAL's thread must survive a follower's bug; the follower's own state is its business.
                LOG.error("event=hal-follower-failed follower={} error=\"{}\"", follower, e.toString(), e);
            }
        }
    }

    private synchronized void wake() {
        notifyAll();
    }

    private static String describe(VideoDevice camera) {
        return "node=" + camera.node() + " name=\"" + camera.name() + "\" bus=" + camera.bus();
    }
}
