package com.roomagent.agent.call;

import com.roomagent.av.media.AudioOutput;
import com.roomagent.av.media.AudioSource;
import com.roomagent.hal.devices.AudioDevice;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a call captures the microphone and plays to the speaker now, on which devices, and what
 * the status says about each. Pure: {@link CallMedia} feeds it the HAL's microphone and speaker on
 * every HAL event and applies the difference to the session, as {@link VideoDecision} does for the
 * camera.
 *
 * <p>Rules, for each device: one the HAL saw during the call and lost stops it ("audio stopped:
 * microphone unplugged (NAME)", "playback stopped: speaker unplugged (NAME)") until the HAL selects
 * one again; otherwise it runs, on a real board on the HAL's ALSA device ({@code
 * hw:CARD=<id>,DEV=<n>}, ALSA's {@code default} when the HAL found none), on the emulated board
 * on the stand-ins (the test tone for the microphone, a {@code fakesink} for the speaker). While
 * the microphone is stopped the far end hears silence; while the speaker is stopped the room hears
 * nothing; the call goes on either way.
 *
 * @param capturing whether the microphone's capture should run
 * @param microphone what to capture from (while stopped: what it captured from last)
 * @param microphoneText the status line: {@code audio sending: ...} or {@code audio stopped: <reason>}
 * @param playing whether the speaker's playback should run
 * @param speaker what to play to (while stopped: what it played to last)
 * @param speakerText the status line: {@code playback: ...} or {@code playback stopped: <reason>}
 */
public record AudioDecision(
        boolean capturing,
        AudioSource microphone,
        String microphoneText,
        boolean playing,
        AudioOutput.Device speaker,
        String speakerText) {
    /** The status line while the test tone stands in for the microphone. */
    public static final String TEST_TONE = "audio sending: test tone (emulated microphone)";
    /** The status line while a fakesink stands in for the speaker. */
    public static final String EMULATED_SPEAKER = "playback: emulated speaker";
    /** The emulated board's speaker: a sink that plays in real time and keeps nothing. */
    public static final String EMULATED_SPEAKER_SINK = "fakesink";

    public AudioDecision {
        Objects.requireNonNull(microphone, "microphone");
        Objects.requireNonNull(microphoneText, "microphoneText");
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(speakerText, "speakerText");
    }

    /**
     * @param emulatedBoard whether the stand-ins are used instead of ALSA devices
     * @param microphone the microphone the HAL selected, if any
     * @param lastMicrophone the microphone selected earlier in this call, if there was one
     * @param speaker the speaker the HAL selected, if any
     * @param lastSpeaker the speaker selected earlier in this call, if there was one
     */
    public static AudioDecision decide(
            boolean emulatedBoard,
            Optional<AudioDevice> microphone,
            Optional<AudioDevice> lastMicrophone,
            Optional<AudioDevice> speaker,
            Optional<AudioDevice> lastSpeaker) {
        AudioSource source;
        String microphoneText;
        if (emulatedBoard) {
            source = AudioSource.testTone();
            microphoneText = TEST_TONE;
        } else {
            String device = microphone.map(AudioDevice::alsaName).orElse(CallMediaPlan.DEFAULT_ALSA_DEVICE);
            source = AudioSource.alsa(device);
            microphoneText = microphone
                    .map(m -> "audio sending: " + m.card().name() + " (" + device + ")")
                    .orElse("audio sending: ALSA default device (no microphone found)");
        }
        boolean capturing = true;
        if (microphone.isEmpty() && lastMicrophone.isPresent()) {
            capturing = false;
            if (!emulatedBoard) { // the device it was on, not ALSA's default: status shows what went away
                source = AudioSource.alsa(lastMicrophone.get().alsaName());
            }
            microphoneText = "audio stopped: microphone unplugged ("
                    + lastMicrophone.get().card().name() + ")";
        }

        AudioOutput.Device output;
        String speakerText;
        if (emulatedBoard) {
            output = (AudioOutput.Device) AudioOutput.device(EMULATED_SPEAKER_SINK);
            speakerText = EMULATED_SPEAKER;
        } else {
            output = speaker.map(s -> AudioOutput.device(CallMediaPlan.SPEAKER_SINK, s.alsaName()))
                    .orElse((AudioOutput.Device) AudioOutput.device(CallMediaPlan.SPEAKER_SINK));
            speakerText = speaker.map(s -> "playback: " + s.card().name() + " (" + s.alsaName() + ")")
                    .orElse("playback: ALSA default device (no speaker found)");
        }
        boolean playing = true;
        if (speaker.isEmpty() && lastSpeaker.isPresent()) {
            playing = false;
            if (!emulatedBoard) {
                output = AudioOutput.device(
                        CallMediaPlan.SPEAKER_SINK, lastSpeaker.get().alsaName());
            }
            speakerText = "playback stopped: speaker unplugged ("
                    + lastSpeaker.get().card().name() + ")";
        }
        return new AudioDecision(capturing, source, microphoneText, playing, output, speakerText);
    }
}
