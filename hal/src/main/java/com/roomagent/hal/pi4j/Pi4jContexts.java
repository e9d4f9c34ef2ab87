package com.roomagent.hal.pi4j;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.context.ContextBuilder;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.linuxfs.provider.gpio.digital.LinuxFsDigitalInputProvider;
import com.pi4j.plugin.linuxfs.provider.gpio.digital.LinuxFsDigitalOutputProvider;
import com.pi4j.plugin.linuxfs.provider.i2c.LinuxFsI2CProvider;
import com.pi4j.plugin.linuxfs.provider.pwm.LinuxFsPwmProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.pwm.MockPwmProvider;
import com.roomagent.hal.profile.BoardProfile;
import java.nio.file.Path;

/**
 * Builds a Pi4J context from the profile's platform, naming every provider. Nothing is detected:
 * Pi4J's auto context loads the mock plugins on any board that is not a Raspberry Pi, which on a
 * real room device would make every line silently fake. Mock providers go only into the emulated
 * board's context.
 */
final class Pi4jContexts {
    private Pi4jContexts() {}

    /**
     * A new context; the caller owns it and shuts it down.
     *
     * @throws RuntimeException as Pi4J does when a provider cannot start (a missing native library,
     *     no GPIO chip)
     */
    static Context forProfile(BoardProfile profile, Path systemRoot) {
        ContextBuilder builder =
                Pi4J.newContextBuilder().noAutoDetect().noAutoInject().disableShutdownHook();
        switch (profile.platform()) {
            case EMULATED ->
                builder.add(
                        MockDigitalInputProvider.newInstance(),
                        MockDigitalOutputProvider.newInstance(),
                        MockPwmProvider.newInstance());
            case RASPBERRY_PI ->
                builder.add(
                        GpioDDigitalInputProvider.newInstance(),
                        GpioDDigitalOutputProvider.newInstance(),
                        pwm(profile, systemRoot),
                        LinuxFsI2CProvider.newInstance());
            case GENERIC_LINUX ->
                builder.add(
                        LinuxFsDigitalInputProvider.newInstance(sysfsGpio(systemRoot)),
                        LinuxFsDigitalOutputProvider.newInstance(sysfsGpio(systemRoot)),
                        pwm(profile, systemRoot),
                        LinuxFsI2CProvider.newInstance());
        }
        return builder.build();
    }

    private static LinuxFsPwmProvider pwm(BoardProfile profile, Path systemRoot) {
        return LinuxFsPwmProvider.newInstance(
                systemRoot.resolve("sys/class/pwm").toString(), profile.pwmChip());
    }

    private static String sysfsGpio(Path systemRoot) {
        return systemRoot.resolve("sys/class/gpio").toString();
    }
}
