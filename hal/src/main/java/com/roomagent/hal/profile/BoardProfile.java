package com.roomagent.hal.profile;

import java.util.Optional;

/**
 * A board, as its profile describes it. Immutable; built by {@link BoardProfiles}, which checks
 * every value and every line before it returns one. Absent optionals are hardware the board does
 * not have.
 *
 * @param name the board's name, for people
 * @param source where the profile was read from (a file path or {@code built-in profile <name>})
 * @param platform which drivers reach the hardware
 * @param pwmChip the PWM chip number ({@code /sys/class/pwm/pwmchip<N>}) of the PWM LEDs
 * @param cameraPower the line that powers the camera
 * @param privacyShutter the sensor that sees the privacy shutter closed
 * @param muteButton the microphone mute button
 * @param muteLed the LED that is lit while the microphone is muted
 * @param statusLed the LED that shows the agent's state
 * @param ambientLight the ambient-light sensor
 * @param video the encoder and the video caps
 * @param devices which cameras and sound cards belong to the board
 */
public record BoardProfile(
        String name,
        String source,
        Platform platform,
        int pwmChip,
        Optional<OutputLineSpec> cameraPower,
        Optional<InputLineSpec> privacyShutter,
        Optional<InputLineSpec> muteButton,
        Optional<LedSpec> muteLed,
        Optional<LedSpec> statusLed,
        Optional<AmbientLightSpec> ambientLight,
        VideoSpec video,
        DeviceSpec devices) {}
