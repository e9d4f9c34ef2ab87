package com.roomagent.hal.devices;

import java.nio.file.Path;

/** One look at the system's cameras and sound cards, from sysfs and procfs under a root. */
public final class SystemDevices {
    private final SysfsVideoDevices video;
    private final ProcfsSoundCards sound;

    /** @param root the system root: {@code /} on a device, a fake tree in tests */
    public SystemDevices(Path root) {
        this.video = new SysfsVideoDevices(root);
        this.sound = new ProcfsSoundCards(root);
    }

    public DeviceSnapshot snapshot() {
        return new DeviceSnapshot(video.read(), sound.read());
    }
}
