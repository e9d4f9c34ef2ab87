package com.roomagent.agent.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.av.media.AudioOutput;
import com.roomagent.av.media.AudioSource;
import com.roomagent.hal.devices.AudioDevice;
import com.roomagent.hal.devices.PcmDevice;
import com.roomagent.hal.devices.SoundCard;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The microphone's and the speaker's rules, without GStreamer. */
class AudioDecisionTest {
    private static final Optional<AudioDevice> NONE = Optional.empty();
    private static final Optional<AudioDevice> JABRA = Optional.of(device(1, "Jabra", "Jabra SPEAK 510"));
    private static final Optional<AudioDevice> JABRA_MOVED = Optional.of(device(3, "Jabra_1", "Jabra SPEAK 510"));

    @Test
    void aRealBoardCapturesAndPlaysOnTheHalsAlsaDevices() {
        AudioDecision decision = AudioDecision.decide(false, JABRA, NONE, JABRA, NONE);

        assertTrue(decision.capturing());
        assertEquals(AudioSource.alsa("hw:CARD=Jabra,DEV=0"), decision.microphone());
        assertEquals("audio sending: Jabra SPEAK 510 (hw:CARD=Jabra,DEV=0)", decision.microphoneText());
        assertTrue(decision.playing());
        assertEquals(AudioOutput.device("alsasink", "hw:CARD=Jabra,DEV=0"), decision.speaker());
        assertEquals("playback: Jabra SPEAK 510 (hw:CARD=Jabra,DEV=0)", decision.speakerText());
    }

    @Test
    void aDeviceUnpluggedMidCallStopsItAndSaysWhichItWas() {
        AudioDecision decision = AudioDecision.decide(false, NONE, JABRA, NONE, JABRA);

        assertFalse(decision.capturing());
        assertEquals("audio stopped: microphone unplugged (Jabra SPEAK 510)", decision.microphoneText());
        assertEquals(AudioSource.alsa("hw:CARD=Jabra,DEV=0"), decision.microphone(), "the device that went away");
        assertFalse(decision.playing());
        assertEquals(AudioOutput.device("alsasink", "hw:CARD=Jabra,DEV=0"), decision.speaker());
        assertEquals("playback stopped: speaker unplugged (Jabra SPEAK 510)", decision.speakerText());
    }

    @Test
    void aDevicePluggedBackUnderANewIdIsUsedThere() {
        AudioDecision decision = AudioDecision.decide(false, JABRA_MOVED, JABRA, JABRA_MOVED, JABRA);

        assertTrue(decision.capturing());
        assertEquals(AudioSource.alsa("hw:CARD=Jabra_1,DEV=0"), decision.microphone());
        assertEquals(AudioOutput.device("alsasink", "hw:CARD=Jabra_1,DEV=0"), decision.speaker());
    }

    @Test
    void withoutAnyDeviceARealBoardUsesAlsasDefault() {
        AudioDecision decision = AudioDecision.decide(false, NONE, NONE, NONE, NONE);

        assertTrue(decision.capturing());
        assertEquals(AudioSource.alsa("default"), decision.microphone());
        assertEquals("audio sending: ALSA default device (no microphone found)", decision.microphoneText());
        assertEquals(AudioOutput.device("alsasink"), decision.speaker());
    }

    @Test
    void theEmulatedBoardUsesItsStandInsAndStillFollowsTheHal() {
        AudioDecision present = AudioDecision.decide(true, JABRA, NONE, JABRA, NONE);
        assertEquals(AudioSource.testTone(), present.microphone());
        assertEquals(AudioDecision.TEST_TONE, present.microphoneText());
        assertEquals(AudioOutput.device("fakesink"), present.speaker());
        assertEquals(AudioDecision.EMULATED_SPEAKER, present.speakerText());

        AudioDecision unplugged = AudioDecision.decide(true, NONE, JABRA, JABRA, JABRA);
        assertFalse(unplugged.capturing());
        assertEquals("audio stopped: microphone unplugged (Jabra SPEAK 510)", unplugged.microphoneText());
        assertTrue(unplugged.playing(), "the speaker is still there");
    }

    private static AudioDevice device(int number, String id, String name) {
        SoundCard card = new SoundCard(number, id, "USB-Audio", name, name + " at usb-1.3", List.of());
        return new AudioDevice(
                card, new PcmDevice(0, PcmDevice.Direction.CAPTURE, "USB Audio", "USB Audio", 1, OptionalInt.empty()));
    }
}
