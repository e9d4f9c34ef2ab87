package com.roomagent.agent.call;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A system root with what the HAL reads of a USB camera (the sysfs files and links a kernel makes
 * for a UVC camera's V4L2 node, and its {@code /dev} node), to plug and unplug it between the
 * HAL's polls. The same layout as the hal module's FakeSystemTree, reduced to one camera without
 * formats.
 */
final class FakeSystemRoot {
    private final Path root;
    private final Map<Integer, String> cards = new TreeMap<>();

    FakeSystemRoot(Path root) throws IOException {
        this.root = root;
        Files.createDirectories(root.resolve("sys/class/video4linux"));
        Files.createDirectories(root.resolve("proc/asound"));
        Files.writeString(root.resolve("proc/asound/cards"), "--- no soundcards ---\n");
    }

    Path root() {
        return root;
    }

    /** A UVC camera on USB port {@code port}, its capture node {@code node} (video0). */
    FakeSystemRoot plugUsbCamera(String node, String name, String port) throws IOException {
        Path device = root.resolve("sys/devices/platform/scb/usb1").resolve(port);
        write(device.resolve("idVendor"), "046d");
        write(device.resolve("idProduct"), "082d");
        write(device.resolve("product"), name);
        Files.write(device.resolve("descriptors"), new byte[0]);
        Path iface = device.resolve(port + ":1.0");
        write(iface.resolve("bInterfaceClass"), "0e");
        write(iface.resolve("bInterfaceSubClass"), "01");
        Path driver = root.resolve("sys/bus/usb/drivers/uvcvideo");
        Files.createDirectories(driver);
        link(iface.resolve("driver"), driver);
        Path nodeDir = iface.resolve("video4linux").resolve(node);
        write(nodeDir.resolve("name"), name);
        write(nodeDir.resolve("index"), "0");
        write(nodeDir.resolve("dev"), "81:" + node.substring(5));
        link(nodeDir.resolve("device"), iface);
        link(root.resolve("sys/class/video4linux").resolve(node), nodeDir);
        write(root.resolve("dev").resolve(node), "");
        return this;
    }

    /**
     * A USB sound card as ALSA shows it in {@code /proc/asound}: card {@code number} with id {@code
     * id} and short name {@code name}, with a capture stream (a microphone) and/or a playback
     * stream (a speaker) as device 0.
     */
    FakeSystemRoot plugSoundCard(int number, String id, String name, boolean capture, boolean playback)
            throws IOException {
        cards.put(
                number,
                String.format(
                        "%2d [%-15s]: USB-Audio - %s%n                      %s at usb-1.3, full speed%n",
                        number, id, name, name));
        writeCards();
        Path card = root.resolve("proc/asound/card" + number);
        Files.createDirectories(card);
        if (capture) {
            pcm(card.resolve("pcm0c"), number, "CAPTURE");
        }
        if (playback) {
            pcm(card.resolve("pcm0p"), number, "PLAYBACK");
        }
        return this;
    }

    /** Removes sound card {@code number}, as pulling its cable does. */
    FakeSystemRoot unplugSoundCard(int number) throws IOException {
        cards.remove(number);
        writeCards();
        deleteTree(root.resolve("proc/asound/card" + number));
        return this;
    }

    private void writeCards() throws IOException {
        Files.writeString(
                root.resolve("proc/asound/cards"),
                cards.isEmpty() ? "--- no soundcards ---\n" : String.join("", cards.values()));
    }

    private static void pcm(Path dir, int card, String stream) throws IOException {
        write(
                dir.resolve("info"),
                "card: " + card + "\ndevice: 0\nsubdevice: 0\nstream: " + stream + "\nid: USB Audio\nname: USB Audio"
                        + "\nsubname: subdevice #0\nclass: 0\nsubclass: 0\nsubdevices_count: 1\nsubdevices_avail: 1");
        write(dir.resolve("sub0/hw_params"), "closed");
    }

    /** Removes the camera's node and its USB device, as pulling the cable does. */
    FakeSystemRoot unplugUsbCamera(String node, String port) throws IOException {
        Files.deleteIfExists(root.resolve("sys/class/video4linux").resolve(node));
        deleteTree(root.resolve("sys/devices/platform/scb/usb1").resolve(port));
        Files.deleteIfExists(root.resolve("dev").resolve(node));
        return this;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text + "\n");
    }

    private static void link(Path link, Path target) throws IOException {
        Files.createDirectories(link.getParent());
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, link.getParent().relativize(target));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
