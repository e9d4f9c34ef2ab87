package com.roomagent.hal.devices;

import com.roomagent.hal.devices.VideoDevice.Role;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists V4L2 devices from sysfs alone ({@code <root>/sys/class/video4linux}), without opening them:
 * each node's {@code name} and {@code index}, the device it belongs to (through the {@code device}
 * link), its driver, and for a USB (UVC) camera its vendor and product IDs and, from the USB
 * device's raw {@code descriptors}, the formats it offers. What sysfs cannot tell (the V4L2
 * capabilities of a platform device, the formats of a CSI camera) needs ioctls and is left out.
 *
 * <p>A device that disappears while it is being read (an unplug) is skipped, not an error.
 */
public final class SysfsVideoDevices {
    private static final Logger log = LoggerFactory.getLogger(SysfsVideoDevices.class);
    private static final Pattern VIDEO_NODE = Pattern.compile("video(\\d+)");
    private static final Pattern ENCODER_NAME = Pattern.compile("(?i).*(encode|[-_]enc\\b).*");
    private static final String USB_VIDEO_CLASS = "0e";

    private final Path root;

    /** @param root the system root: {@code /} on a device, a fake tree in tests */
    public SysfsVideoDevices(Path root) {
        this.root = root;
    }

    /** Every {@code videoN} node present, in node number order. */
    public List<VideoDevice> read() {
        Path classDir = root.resolve("sys/class/video4linux");
        List<Path> nodes = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(classDir)) {
            for (Path entry : entries) {
                if (VIDEO_NODE.matcher(entry.getFileName().toString()).matches()) {
                    nodes.add(entry);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of(); // no V4L2 at all: no driver loaded, no camera
        } catch (IOException | DirectoryIteratorException e) {
            log.warn("event=video-scan-failed dir={} reason=\"{}\"", classDir, e.getMessage());
            return List.of();
        }
        nodes.sort(Comparator.comparingInt(SysfsVideoDevices::nodeNumber));
        List<VideoDevice> devices = new ArrayList<>();
        for (Path node : nodes) {
            try {
                devices.add(readNode(node));
            } catch (IOException e) {
                log.debug("event=video-node-skipped node={} reason=\"{}\"", node.getFileName(), e.getMessage());
            }
        }
        return devices;
    }

    private VideoDevice readNode(Path nodeDir) throws IOException {
        String node = nodeDir.getFileName().toString();
        String name = SysFiles.readLine(nodeDir.resolve("name"));
        int index = SysFiles.readOptionalLine(nodeDir.resolve("index"))
                .map(SysFiles::parseIntOrZero)
                .orElse(0);
        Optional<Path> device = SysFiles.realPath(nodeDir.resolve("device"));
        String driver = device.flatMap(d -> SysFiles.realPath(d.resolve("driver")))
                .map(d -> d.getFileName().toString())
                .orElse("");
        Optional<String> interfaceClass = device.flatMap(d -> SysFiles.readOptionalLine(d.resolve("bInterfaceClass")));
        Path deviceNode = root.resolve("dev").resolve(node);
        if (device.isEmpty() || interfaceClass.isEmpty()) {
            Role role = ENCODER_NAME.matcher(name).matches() ? Role.ENCODER : Role.UNKNOWN;
            return new VideoDevice(node, deviceNode, name, role, "platform", "", driver, List.of());
        }
        Path usbDevice = device.get().getParent();
        String usbId = SysFiles.readOptionalLine(usbDevice.resolve("idVendor")).orElse("????") + ":"
                + SysFiles.readOptionalLine(usbDevice.resolve("idProduct")).orElse("????");
        boolean uvc = interfaceClass.get().toLowerCase(Locale.ROOT).equals(USB_VIDEO_CLASS);
        Role role = !uvc ? Role.UNKNOWN : index == 0 ? Role.CAPTURE : Role.METADATA;
        List<VideoFormat> formats = role == Role.CAPTURE ? formatsOf(usbDevice) : List.of();
        return new VideoDevice(node, deviceNode, name, role, "usb", usbId, driver, formats);
    }

    private static List<VideoFormat> formatsOf(Path usbDevice) {
        Path descriptors = usbDevice.resolve("descriptors");
        try {
            return UvcDescriptors.formats(Files.readAllBytes(descriptors));
        } catch (IOException e) {
            log.debug("event=uvc-descriptors-unreadable file={} reason=\"{}\"", descriptors, e.getMessage());
            return List.of();
        }
    }

    private static int nodeNumber(Path node) {
        var matcher = VIDEO_NODE.matcher(node.getFileName().toString());
        return matcher.matches() ? SysFiles.parseIntOrZero(matcher.group(1)) : Integer.MAX_VALUE;
    }
}
