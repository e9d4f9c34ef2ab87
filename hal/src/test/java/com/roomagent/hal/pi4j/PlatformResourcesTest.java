package com.roomagent.hal.pi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.roomagent.hal.board.Board;
import com.roomagent.hal.health.Feature;
import com.roomagent.hal.profile.BoardProfile;
import com.roomagent.hal.profile.BoardProfileException;
import com.roomagent.hal.profile.BoardProfiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real board's profile on a system without the interfaces it names. */
class PlatformResourcesTest {
    @TempDir
    Path root;

    @Test
    void missingI2cBusNamesTheFileAndKeyAndCostsTheSensorOnly() throws IOException, BoardProfileException {
        fakeRaspberryPi();
        Files.delete(root.resolve("dev/i2c-1"));

        Map<Feature, String> missing = PlatformResources.missing(kit(), root);

        assertEquals(Set.of(Feature.AMBIENT_LIGHT), missing.keySet());
        assertEquals(
                "built-in profile raspberry-pi-room-kit: board.ambientLight.i2cBus: " + root.resolve("dev/i2c-1")
                        + " does not exist; enable the bus (on a Raspberry Pi: dtparam=i2c_arm=on) or name the bus"
                        + " the sensor is on",
                missing.get(Feature.AMBIENT_LIGHT));
    }

    @Test
    void missingPwmChipCostsThePwmLedsOnly() throws IOException, BoardProfileException {
        fakeRaspberryPi();
        Files.delete(root.resolve("sys/class/pwm/pwmchip0"));

        Map<Feature, String> missing = PlatformResources.missing(kit(), root);

        assertEquals(Set.of(Feature.MUTE_LED, Feature.STATUS_LED), missing.keySet());
        assertEquals(
                "built-in profile raspberry-pi-room-kit: board.pwm.chip: " + root.resolve("sys/class/pwm/pwmchip0")
                        + " does not exist; enable hardware PWM (on a Raspberry Pi: dtoverlay=pwm-2chan) or set the"
                        + " chip the PWM is on (ls /sys/class/pwm)",
                missing.get(Feature.MUTE_LED));
    }

    @Test
    void raspberryPiWithEverythingItNeedsMissesNothing() throws IOException, BoardProfileException {
        fakeRaspberryPi();

        assertEquals(Map.of(), PlatformResources.missing(kit(), root));
    }

    @Test
    void realBoardOnAMachineWithoutItsHardwareDegradesEveryFeatureAndStillOpens() throws BoardProfileException {
        try (Board board = Pi4jBoards.open(kit(), root)) {
            assertEquals(
                    Set.of(
                            Feature.CAMERA_POWER,
                            Feature.PRIVACY_SHUTTER,
                            Feature.MUTE_BUTTON,
                            Feature.MUTE_LED,
                            Feature.STATUS_LED,
                            Feature.AMBIENT_LIGHT),
                    board.unavailable().keySet());
            assertEquals(
                    "built-in profile raspberry-pi-room-kit: board.platform: raspberry-pi drives GPIO through the"
                            + " GPIO character device, and " + root.resolve("dev") + " has no gpiochip*;"
                            + " is this a Raspberry Pi?",
                    board.unavailable().get(Feature.MUTE_BUTTON));
            assertEquals(java.util.Optional.empty(), board.emulatedControls());
        }
    }

    private static BoardProfile kit() throws BoardProfileException {
        return BoardProfiles.builtIn(BoardProfiles.RASPBERRY_PI_ROOM_KIT);
    }

    private void fakeRaspberryPi() throws IOException {
        Files.createDirectories(root.resolve("dev"));
        Files.createFile(root.resolve("dev/gpiochip0"));
        Files.createFile(root.resolve("dev/i2c-1"));
        Files.createDirectories(root.resolve("sys/class/pwm/pwmchip0"));
    }
}
