package com.roomagent.hal;

import com.roomagent.hal.devices.DeviceEvent;
import com.roomagent.hal.devices.DeviceSelection;
import com.roomagent.hal.health.FeatureStatus;
import com.roomagent.hal.video.VideoStatus;

/**
 * What the HAL tells the agent. Every method is called on the HAL's thread (during {@link
 * RoomHardware.Builder#start()}, on the caller's), must return quickly and must not call back into
 * {@link RoomHardware#close()}. All have empty defaults: implement what you need.
 */
public interface HalListener {
    /** The microphone was muted or unmuted: by the button, or by {@link RoomHardware#setMicrophoneMuted}. */
    default void microphoneMuteChanged(boolean muted) {}

    /** Video may now flow, or must stop (the shutter closed, the camera went away). */
    default void videoChanged(VideoStatus status) {}

    /** A camera or sound card was plugged in or unplugged. */
    default void deviceChanged(DeviceEvent event) {}

    /** The chosen camera, microphone or speaker changed: the pipeline should follow. */
    default void selectionChanged(DeviceSelection selection) {}

    /** A feature started working, degraded or recovered. */
    default void featureChanged(FeatureStatus status) {}
}
