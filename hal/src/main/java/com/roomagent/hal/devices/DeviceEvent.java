package com.roomagent.hal.devices;

/** A camera or a sound card that appeared or went away between two looks at the system. */
public sealed interface DeviceEvent {
    /** A camera (a capture node, or a node the profile names) appeared: plugged in or loaded. */
    record CameraConnected(VideoDevice camera) implements DeviceEvent {}

    /** A camera went away: unplugged, or its driver unloaded. */
    record CameraDisconnected(VideoDevice camera) implements DeviceEvent {}

    record SoundCardConnected(SoundCard card) implements DeviceEvent {}

    record SoundCardDisconnected(SoundCard card) implements DeviceEvent {}
}
