package com.roomagent.hal.board;

import com.roomagent.hal.health.Feature;
import com.roomagent.hal.profile.BoardProfile;
import java.util.Map;
import java.util.Optional;

/**
 * A board's devices, opened from its profile. A device is empty when the profile has none, or when
 * it could not be opened; {@link #unavailable()} then says why, and the others work regardless.
 *
 * <p>The board owns its driver context and every line: {@link #close()} releases them all and
 * leaves outputs and LEDs off. Close it after every user of its devices has stopped; closing again
 * does nothing.
 */
public interface Board extends AutoCloseable {
    BoardProfile profile();

    Optional<OutputLine> cameraPower();

    Optional<InputLine> privacyShutter();

    Optional<InputLine> muteButton();

    Optional<Led> muteLed();

    Optional<Led> statusLed();

    /** The ambient-light sensor's registers; the chip itself is checked by whoever drives it. */
    Optional<I2cRegisters> ambientLightSensor();

    /** Features the profile has but the board could not open, with the reason. */
    Map<Feature, String> unavailable();

    /** The controls of an emulated board; empty on real hardware. */
    Optional<EmulatedBoardControls> emulatedControls();

    /** Switches outputs and LEDs off and releases every line and the driver context. */
    @Override
    void close();
}
