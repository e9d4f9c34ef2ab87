package com.roomagent.hal.pi4j;

import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.roomagent.hal.board.EmulatedBoardControls;
import com.roomagent.hal.profile.Level;
import com.roomagent.hal.sensor.EmulatedOpt3001;
import java.util.Optional;

/**
 * The emulated board's controls: they move Pi4J's mock input lines to the electrical level a real
 * button or shutter sensor would produce (per the profile's active level), so the HAL sees them
 * through the same listeners as on real hardware; the light goes to the emulated OPT3001.
 *
 * <p>Thread-safe: calls are serialized. A control for a device the profile does not have throws
 * {@link IllegalStateException} naming the missing key.
 */
final class MockPlatformControls implements EmulatedBoardControls {
    private final Optional<Line> muteButton;
    private final Optional<Line> privacyShutter;
    private final Optional<EmulatedOpt3001> sensor;

    MockPlatformControls(Optional<Line> muteButton, Optional<Line> privacyShutter, Optional<EmulatedOpt3001> sensor) {
        this.muteButton = muteButton;
        this.privacyShutter = privacyShutter;
        this.sensor = sensor;
        muteButton.ifPresent(line -> line.set(false));
        privacyShutter.ifPresent(line -> line.set(false));
    }

    @Override
    public synchronized void pressMuteButton() {
        require(muteButton, "board.muteButton.line").set(true);
    }

    @Override
    public synchronized void releaseMuteButton() {
        require(muteButton, "board.muteButton.line").set(false);
    }

    @Override
    public synchronized void closePrivacyShutter() {
        require(privacyShutter, "board.privacyShutter.line").set(true);
    }

    @Override
    public synchronized void openPrivacyShutter() {
        require(privacyShutter, "board.privacyShutter.line").set(false);
    }

    @Override
    public synchronized void setAmbientLight(double lux) {
        require(sensor, "board.ambientLight.chip").setLux(lux);
    }

    @Override
    public synchronized void disconnectAmbientLightSensor() {
        require(sensor, "board.ambientLight.chip").disconnect();
    }

    @Override
    public synchronized void reconnectAmbientLightSensor() {
        require(sensor, "board.ambientLight.chip").reconnect();
    }

    private static <T> T require(Optional<T> device, String key) {
        return device.orElseThrow(() ->
                new IllegalStateException("the emulated board has no such device: its profile does not set " + key));
    }

    /** A mock input line and the level that means active. */
    record Line(MockDigitalInput input, Level activeLevel) {
        void set(boolean active) {
            Level level = active ? activeLevel : activeLevel.opposite();
            input.mockState(Pi4jLevels.state(level));
        }
    }
}
