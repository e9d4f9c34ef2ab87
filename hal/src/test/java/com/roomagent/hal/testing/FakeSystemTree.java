package com.roomagent.hal.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A fake system root for the device readers: the sysfs links and files a kernel makes for V4L2
 * devices and USB cameras, the procfs files ALSA makes for sound cards, and the {@code /dev} nodes.
 * Devices can be added and removed, as plugging and unplugging would.
 */
public final class FakeSystemTree {
    private final Path root;
    private final Map<Integer, String> cards = new TreeMap<>();

    public FakeSystemTree(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /**
     * A UVC camera on USB port {@code port} (e.g. {@code 1-1.2}): its USB device with IDs and
     * descriptors, its video control interface bound to uvcvideo, and a V4L2 node with an index.
     */
    public FakeSystemTree usbCamera(
            String node, String name, String port, String vendorProduct, int index, byte[] descriptors) {
        Path device = root.resolve("sys/devices/platform/scb/usb1").resolve(port);
        write(device.resolve("idVendor"), vendorProduct.substring(0, 4));
        write(device.resolve("idProduct"), vendorProduct.substring(5));
        write(device.resolve("product"), name);
        write(device.resolve("descriptors"), descriptors);
        Path iface = device.resolve(port + ":1.0");
        write(iface.resolve("bInterfaceClass"), "0e");
        write(iface.resolve("bInterfaceSubClass"), "01");
        Path driver = root.resolve("sys/bus/usb/drivers/uvcvideo");
        mkdirs(driver);
        link(iface.resolve("driver"), driver);
        return videoNode(iface, node, name, index);
    }

    /** A platform V4L2 device (a CSI receiver, an encoder), with no USB parent. */
    public FakeSystemTree platformVideo(String node, String name) {
        Path device = root.resolve("sys/devices/platform/soc").resolve(name);
        Path driver = root.resolve("sys/bus/platform/drivers").resolve(name.split("-")[0]);
        mkdirs(driver);
        link(device.resolve("driver"), driver);
        return videoNode(device, node, name, 0);
    }

    /** Removes a V4L2 node, as unplugging its device does. */
    public FakeSystemTree unplugVideo(String node) {
        Path classLink = root.resolve("sys/class/video4linux").resolve(node);
        try {
            Path target = classLink.toRealPath();
            Files.delete(classLink);
            deleteTree(target);
            Files.deleteIfExists(root.resolve("dev").resolve(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** An ALSA card in {@code /proc/asound/cards} and its directory. */
    public FakeSystemTree soundCard(int number, String id, String driver, String name, String longName) {
        cards.put(
                number,
                String.format("%2d [%-15s]: %s - %s%n                      %s%n", number, id, driver, name, longName));
        writeCards();
        mkdirs(root.resolve("proc/asound/card" + number));
        return this;
    }

    /** A PCM stream: {@code direction} is {@code c} (capture) or {@code p} (playback). */
    public FakeSystemTree pcm(int card, int device, char direction, String name) {
        String stream = direction == 'c' ? "CAPTURE" : "PLAYBACK";
        write(
                root.resolve("proc/asound/card" + card + "/pcm" + device + direction + "/info"),
                "card: " + card + "\ndevice: " + device + "\nsubdevice: 0\nstream: " + stream + "\nid: " + name
                        + "\nname: " + name + "\nsubname: subdevice #0\nclass: 0\nsubclass: 0\n"
                        + "subdevices_count: 1\nsubdevices_avail: 1\n");
        write(root.resolve("proc/asound/card" + card + "/pcm" + device + direction + "/sub0/hw_params"), "closed");
        return this;
    }

    /** The {@code streamD} file USB audio writes, with the given text. */
    public FakeSystemTree usbStream(int card, int device, String text) {
        write(root.resolve("proc/asound/card" + card + "/stream" + device), text);
        return this;
    }

    /** The {@code hw_params} of an open stream. */
    public FakeSystemTree openStream(int card, int device, char direction, int channels) {
        write(
                root.resolve("proc/asound/card" + card + "/pcm" + device + direction + "/sub0/hw_params"),
                "access: RW_INTERLEAVED\nformat: S16_LE\nsubformat: STD\nchannels: " + channels
                        + "\nrate: 48000 (48000/1)\n");
        return this;
    }

    public FakeSystemTree removeSoundCard(int number) {
        cards.remove(number);
        writeCards();
        deleteTree(root.resolve("proc/asound/card" + number));
        return this;
    }

    private FakeSystemTree videoNode(Path device, String node, String name, int index) {
        Path nodeDir = device.resolve("video4linux").resolve(node);
        write(nodeDir.resolve("name"), name);
        write(nodeDir.resolve("index"), Integer.toString(index));
        write(nodeDir.resolve("dev"), "81:" + node.substring(5));
        link(nodeDir.resolve("device"), device);
        link(root.resolve("sys/class/video4linux").resolve(node), nodeDir);
        write(root.resolve("dev").resolve(node), "");
        return this;
    }

    private void writeCards() {
        write(
                root.resolve("proc/asound/cards"),
                cards.isEmpty() ? "--- no soundcards ---\n" : String.join("", cards.values()));
    }

    private static void write(Path file, String text) {
        write(file, (text.endsWith("\n") || text.isEmpty() ? text : text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void link(Path link, Path target) {
        try {
            Files.createDirectories(link.getParent());
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, link.getParent().relativize(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
