package com.roomagent.hal.board;

/**
 * The emulated board's hands: what a person would do to a real room kit. Tests and firmware CI
 * drive the board through this (the agent exposes it on its control socket), and the HAL reacts
 * exactly as it does to real hardware: the button's edges go through the same debouncer, the
 * shutter through the same sensor line, the light level through the same OPT3001 registers.
 *
 * <p>Thread-safe; each call takes effect at once. Events follow on the HAL's own thread.
 */
public interface EmulatedBoardControls {
    /** Pushes the mute button down (the line goes to its active level). */
    void pressMuteButton();

    /** Lets the mute button go. */
    void releaseMuteButton();

    /** Closes the privacy shutter over the camera. */
    void closePrivacyShutter();

    /** Opens the privacy shutter. */
    void openPrivacyShutter();

    /** Sets the light falling on the sensor, in lux (0 to 83865.6, the OPT3001's full scale). */
    void setAmbientLight(double lux);

    /** Makes the sensor stop answering on the bus, as a chip with a broken wire would. */
    void disconnectAmbientLightSensor();

    /** Makes the sensor answer again; it comes back after a power-on reset. */
    void reconnectAmbientLightSensor();
}
