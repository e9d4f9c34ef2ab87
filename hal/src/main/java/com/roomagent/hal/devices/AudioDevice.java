package com.roomagent.hal.devices;

/**
 * A PCM stream chosen for the microphone or the speaker.
 *
 * @param card the sound card
 * @param pcm the stream on it
 */
public record AudioDevice(SoundCard card, PcmDevice pcm) {
    /**
     * The ALSA device name GStreamer's {@code alsasrc}/{@code alsasink} take, by card id so that it
     * survives renumbering: {@code hw:CARD=C920,DEV=0}.
     */
    public String alsaName() {
        return "hw:CARD=" + card.id() + ",DEV=" + pcm.device();
    }
}
