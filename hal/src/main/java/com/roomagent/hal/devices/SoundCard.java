package com.roomagent.hal.devices;

import java.util.List;

/**
 * An ALSA sound card ({@code /proc/asound/cards}).
 *
 * @param number the card number (the {@code N} of {@code hw:N})
 * @param id the card's id: {@code C920}, {@code Dummy}
 * @param driver the ALSA driver: {@code USB-Audio}
 * @param name the short name
 * @param longName the long name (for USB, which port it is on)
 * @param pcms its PCM streams
 */
public record SoundCard(int number, String id, String driver, String name, String longName, List<PcmDevice> pcms) {
    public SoundCard {
        pcms = List.copyOf(pcms);
    }

    /** The first stream in a direction, if the card has one. */
    public java.util.Optional<PcmDevice> first(PcmDevice.Direction direction) {
        return pcms.stream().filter(p -> p.direction() == direction).findFirst();
    }
}
