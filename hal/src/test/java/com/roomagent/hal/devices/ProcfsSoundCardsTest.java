package com.roomagent.hal.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.roomagent.hal.devices.PcmDevice.Direction;
import com.roomagent.hal.testing.FakeSystemTree;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcfsSoundCardsTest {
    /** The shape of a USB webcam's {@code /proc/asound/cardN/stream0}. */
    static final String C920_STREAM = """
            Logitech HD Pro Webcam C920 at usb-0000:01:00.0-1.2, high speed : USB Audio

            Capture:
              Status: Stop
              Interface 3
                Altset 1
                Format: S16_LE
                Channels: 2
                Endpoint: 0x83 (3 IN) (ASYNC)
                Rates: 16000, 24000, 32000
                Bits: 16
                Channel map: FL FR
            """;

    @TempDir
    Path root;

    @Test
    void cardsAreReadWithTheirStreamsAndChannels() {
        new FakeSystemTree(root)
                .soundCard(0, "vc4hdmi0", "vc4-hdmi", "vc4-hdmi-0", "vc4-hdmi-0")
                .pcm(0, 0, 'p', "MAI PCM i2s-hifi-0")
                .soundCard(
                        1,
                        "C920",
                        "USB-Audio",
                        "HD Pro Webcam C920",
                        "HD Pro Webcam C920 at usb-0000:01:00.0-1.2, high speed")
                .pcm(1, 0, 'c', "USB Audio")
                .usbStream(1, 0, C920_STREAM);

        List<SoundCard> cards = new ProcfsSoundCards(root).read();

        assertEquals(2, cards.size());
        SoundCard hdmi = cards.get(0);
        assertEquals(0, hdmi.number());
        assertEquals("vc4hdmi0", hdmi.id());
        assertEquals("vc4-hdmi", hdmi.driver());
        assertEquals(
                List.of(new PcmDevice(
                        0, Direction.PLAYBACK, "MAI PCM i2s-hifi-0", "MAI PCM i2s-hifi-0", 1, OptionalInt.empty())),
                hdmi.pcms());
        SoundCard webcam = cards.get(1);
        assertEquals("C920", webcam.id());
        assertEquals("HD Pro Webcam C920", webcam.name());
        assertEquals("HD Pro Webcam C920 at usb-0000:01:00.0-1.2, high speed", webcam.longName());
        assertEquals(
                OptionalInt.of(2), webcam.first(Direction.CAPTURE).orElseThrow().channels());
    }

    @Test
    void openStreamTellsItsChannels() {
        new FakeSystemTree(root)
                .soundCard(0, "Dummy", "Dummy", "Dummy", "Dummy 1")
                .pcm(0, 0, 'c', "Dummy PCM")
                .openStream(0, 0, 'c', 6);

        assertEquals(
                OptionalInt.of(6),
                new ProcfsSoundCards(root).read().get(0).pcms().get(0).channels());
    }

    @Test
    void noSoundCardsAndNoAlsaAreBothEmpty() {
        assertEquals(List.of(), new ProcfsSoundCards(root).read());

        new FakeSystemTree(root)
                .soundCard(0, "Dummy", "Dummy", "Dummy", "Dummy 1")
                .removeSoundCard(0);

        assertEquals(List.of(), new ProcfsSoundCards(root).read());
    }
}
