package com.roomagent.hal.devices;

import java.util.List;

/**
 * The V4L2 devices and sound cards present at one moment.
 *
 * @param video every V4L2 node, in node order
 * @param soundCards every ALSA card, in card order
 */
public record DeviceSnapshot(List<VideoDevice> video, List<SoundCard> soundCards) {
    public static final DeviceSnapshot EMPTY = new DeviceSnapshot(List.of(), List.of());

    public DeviceSnapshot {
        video = List.copyOf(video);
        soundCards = List.copyOf(soundCards);
    }
}
