package com.roomagent.hal.pi4j;

import static com.roomagent.hal.profile.BoardProfileKeys.*;

import com.roomagent.hal.health.Feature;
import com.roomagent.hal.profile.BoardProfile;
import com.roomagent.hal.profile.BoardProfileException;
import com.roomagent.hal.profile.LedSpec;
import com.roomagent.hal.profile.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Checks, before any driver starts, that the system has what the profile's devices need: the GPIO
 * interface, the PWM chip, the I2C bus. A missing one is the profile not fitting this system; it is
 * reported with the profile's file and key, and degrades the features that need it (the rest of
 * the room keeps working).
 */
final class PlatformResources {
    private final BoardProfile profile;
    private final Path root;
    private final Map<Feature, String> missing = new EnumMap<>(Feature.class);

    private PlatformResources(BoardProfile profile, Path root) {
        this.profile = profile;
        this.root = root;
    }

    /** The features whose hardware interface is missing, with the reason. */
    static Map<Feature, String> missing(BoardProfile profile, Path root) {
        PlatformResources check = new PlatformResources(profile, root);
        if (profile.platform() != Platform.EMULATED) {
            check.gpio();
            check.pwm(Feature.MUTE_LED, profile.muteLed());
            check.pwm(Feature.STATUS_LED, profile.statusLed());
            check.i2c();
        }
        return check.missing;
    }

    private void gpio() {
        Optional<String> problem = Optional.empty();
        if (profile.platform() == Platform.RASPBERRY_PI && !hasGpioChip()) {
            problem = Optional.of(error(
                    PLATFORM,
                    "raspberry-pi drives GPIO through the GPIO character device, and " + root.resolve("dev")
                            + " has no gpiochip*; is this a Raspberry Pi?"));
        } else if (profile.platform() == Platform.GENERIC_LINUX && !Files.isDirectory(root.resolve("sys/class/gpio"))) {
            problem = Optional.of(error(
                    PLATFORM,
                    "generic-linux drives GPIO through sysfs, and " + root.resolve("sys/class/gpio")
                            + " does not exist: this kernel lacks CONFIG_GPIO_SYSFS"));
        }
        problem.ifPresent(reason -> {
            profile.cameraPower().ifPresent(line -> missing.put(Feature.CAMERA_POWER, reason));
            profile.privacyShutter().ifPresent(line -> missing.put(Feature.PRIVACY_SHUTTER, reason));
            profile.muteButton().ifPresent(line -> missing.put(Feature.MUTE_BUTTON, reason));
            profile.muteLed()
                    .filter(led -> led.pwmChannel().isEmpty())
                    .ifPresent(led -> missing.put(Feature.MUTE_LED, reason));
            profile.statusLed()
                    .filter(led -> led.pwmChannel().isEmpty())
                    .ifPresent(led -> missing.put(Feature.STATUS_LED, reason));
        });
    }

    private void pwm(Feature feature, Optional<LedSpec> led) {
        if (led.isEmpty() || led.get().pwmChannel().isEmpty()) {
            return;
        }
        Path chip = root.resolve("sys/class/pwm/pwmchip" + profile.pwmChip());
        if (!Files.isDirectory(chip)) {
            missing.put(
                    feature,
                    error(
                            PWM_CHIP,
                            chip + " does not exist; enable hardware PWM (on a Raspberry Pi:"
                                    + " dtoverlay=pwm-2chan) or set the chip the PWM is on (ls /sys/class/pwm)"));
        }
    }

    private void i2c() {
        profile.ambientLight().ifPresent(sensor -> {
            Path bus = root.resolve("dev/i2c-" + sensor.i2cBus());
            if (!Files.exists(bus)) {
                missing.put(
                        Feature.AMBIENT_LIGHT,
                        error(
                                AMBIENT_LIGHT + I2C_BUS,
                                bus + " does not exist; enable the bus (on a Raspberry Pi:"
                                        + " dtparam=i2c_arm=on) or name the bus the sensor is on"));
            }
        });
    }

    private boolean hasGpioChip() {
        try (Stream<Path> entries = Files.list(root.resolve("dev"))) {
            return entries.anyMatch(p -> p.getFileName().toString().startsWith("gpiochip"));
        } catch (IOException e) {
            return false;
        }
    }

    private String error(String key, String problem) {
        return new BoardProfileException(profile.source(), key, problem).getMessage();
    }
}
