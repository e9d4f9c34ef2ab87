package com.roomagent.hal.devices;

import java.util.OptionalInt;

/**
 * One PCM stream of a sound card ({@code /proc/asound/cardN/pcmDc} or {@code pcmDp}).
 *
 * @param device the PCM device number (the {@code D} of {@code hw:N,D})
 * @param direction capture (a microphone) or playback (a speaker)
 * @param id the driver's id of the stream
 * @param name the driver's name of the stream
 * @param subdevices how many subdevices the stream has
 * @param channels the most channels the stream offers, when procfs says (USB audio's {@code
 *     streamD} file, or the stream's {@code hw_params} while it is open)
 */
public record PcmDevice(int device, Direction direction, String id, String name, int subdevices, OptionalInt channels) {
    public enum Direction {
        CAPTURE,
        PLAYBACK
    }
}
