package com.roomagent.hal.profile;

import java.time.Duration;
import java.util.List;

/**
 * Which cameras and sound cards found on the system belong to this board.
 *
 * @param cameraNames V4L2 device names (as in {@code /sys/class/video4linux/*}{@code /name}) of the
 *     board's own cameras, in order of preference; a device matches when its name starts with one
 * @param usbCameras whether USB (UVC) cameras are used when no built-in camera is found
 * @param soundCards ALSA card ids (as in {@code /proc/asound/cards}) in order of preference; empty
 *     means any card
 * @param pollInterval how often the HAL looks for cameras and sound cards plugged or unplugged
 */
public record DeviceSpec(List<String> cameraNames, boolean usbCameras, List<String> soundCards, Duration pollInterval) {
    public DeviceSpec {
        cameraNames = List.copyOf(cameraNames);
        soundCards = List.copyOf(soundCards);
    }
}
