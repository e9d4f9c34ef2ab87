package com.roomagent.hal.devices;

import java.nio.file.Path;
import java.util.List;

/**
 * A V4L2 device node, as sysfs describes it.
 *
 * @param node the kernel's name: {@code video0}
 * @param deviceNode where to open it: {@code /dev/video0} under the system root
 * @param name the driver's name for it ({@code /sys/class/video4linux/video0/name})
 * @param role what sysfs tells about its purpose
 * @param bus {@code usb} or {@code platform}
 * @param usbId {@code vendor:product} in hex for a USB device, empty otherwise
 * @param driver the kernel driver bound to it ({@code uvcvideo}), empty when unknown
 * @param formats what a UVC camera offers, from its USB descriptors; empty when sysfs cannot say
 */
public record VideoDevice(
        String node,
        Path deviceNode,
        String name,
        Role role,
        String bus,
        String usbId,
        String driver,
        List<VideoFormat> formats) {
    public VideoDevice {
        formats = List.copyOf(formats);
    }

    /** What a node is for, as far as sysfs can tell without opening it. */
    public enum Role {
        /** A UVC camera's video node (interface index 0). */
        CAPTURE,
        /** A UVC camera's metadata node (index 1 and up): not video. */
        METADATA,
        /** A memory-to-memory encoder ({@code bcm2835-codec-encode}). */
        ENCODER,
        /** A platform device (CSI receiver, ISP, decoder...): only its name tells. */
        UNKNOWN
    }

    /** What stays the same while the device stays plugged in. */
    String identity() {
        return node + "|" + name + "|" + usbId;
    }
}
