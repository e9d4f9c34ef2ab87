package com.roomagent.hal.pi4j;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.i2c.I2C;
import com.pi4j.io.pwm.Pwm;
import com.pi4j.io.pwm.PwmType;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.roomagent.hal.board.Board;
import com.roomagent.hal.board.I2cRegisters;
import com.roomagent.hal.board.Led;
import com.roomagent.hal.board.OutputLine;
import com.roomagent.hal.health.Feature;
import com.roomagent.hal.profile.AmbientLightSpec;
import com.roomagent.hal.profile.BoardProfile;
import com.roomagent.hal.profile.InputLineSpec;
import com.roomagent.hal.profile.LedSpec;
import com.roomagent.hal.profile.OutputLineSpec;
import com.roomagent.hal.profile.Platform;
import com.roomagent.hal.sensor.EmulatedOpt3001;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a board from its profile through Pi4J: real providers on real boards, mock providers and an
 * emulated OPT3001 on the emulated one. Each device is opened on its own, so a busy line or a
 * missing bus costs its feature and nothing else.
 */
public final class Pi4jBoards {
    private static final Logger log = LoggerFactory.getLogger(Pi4jBoards.class);

    private final BoardProfile profile;
    private final Map<Feature, String> unavailable;
    private final Context context;

    private Pi4jBoards(BoardProfile profile, Map<Feature, String> unavailable, Context context) {
        this.profile = profile;
        this.unavailable = unavailable;
        this.context = context;
    }

    /**
     * Opens every device of the profile. Never fails as a whole: what cannot be opened is listed in
     * {@link Board#unavailable()}.
     *
     * @param systemRoot where {@code /dev} and {@code /sys} are: {@code /} on a device
     */
    public static Board open(BoardProfile profile, Path systemRoot) {
        Map<Feature, String> unavailable = new EnumMap<>(Feature.class);
        unavailable.putAll(PlatformResources.missing(profile, systemRoot));
        Context context;
        try {
            context = Pi4jContexts.forProfile(profile, systemRoot);
        } catch (RuntimeException | LinkageError e) {
            // Pi4J fails unchecked when a provider cannot start (no GPIO chip), and a native library
            // built for another architecture fails with UnsatisfiedLinkError: both cost the lines only.
            String reason = "the " + profile.platform().keyword() + " drivers did not start: " + e.getMessage();
            for (Feature feature : lineFeatures(profile)) {
                unavailable.putIfAbsent(feature, reason);
            }
            log.error("event=pi4j-start-failed board=\"{}\" reason=\"{}\"", profile.name(), e.toString());
            return new Pi4jBoard(profile, Optional.empty(), Pi4jBoard.Devices.NONE, unavailable);
        }
        return new Pi4jBoards(profile, unavailable, context).openDevices();
    }

    private Board openDevices() {
        Optional<Pi4jInputLine> shutter = profile.privacyShutter()
                .flatMap(spec -> open(Feature.PRIVACY_SHUTTER, () -> input("privacy-shutter", spec)));
        Optional<Pi4jInputLine> button =
                profile.muteButton().flatMap(spec -> open(Feature.MUTE_BUTTON, () -> input("mute-button", spec)));
        Optional<EmulatedOpt3001> emulatedSensor = profile.platform() == Platform.EMULATED
                ? profile.ambientLight().map(spec -> new EmulatedOpt3001(spec.i2cBus(), spec.i2cAddress()))
                : Optional.empty();
        Optional<I2cRegisters> sensor = emulatedSensor.isPresent()
                ? emulatedSensor.map(chip -> chip)
                : profile.ambientLight().flatMap(spec -> open(Feature.AMBIENT_LIGHT, () -> i2c(spec)));
        Pi4jBoard.Devices devices = new Pi4jBoard.Devices(
                profile.cameraPower().flatMap(spec -> open(Feature.CAMERA_POWER, () -> output("camera-power", spec))),
                shutter.map(line -> line),
                button.map(line -> line),
                profile.muteLed().flatMap(spec -> open(Feature.MUTE_LED, () -> led("mute-led", spec))),
                profile.statusLed().flatMap(spec -> open(Feature.STATUS_LED, () -> led("status-led", spec))),
                sensor,
                profile.platform() == Platform.EMULATED
                        ? Optional.of(new MockPlatformControls(mockLine(button), mockLine(shutter), emulatedSensor))
                        : Optional.empty());
        return new Pi4jBoard(profile, Optional.of(context), devices, unavailable);
    }

    private <T> Optional<T> open(Feature feature, Opener<T> opener) {
        if (unavailable.containsKey(feature)) {
            return Optional.empty();
        }
        try {
            return Optional.of(opener.open());
        } catch (RuntimeException | LinkageError e) {
            // Pi4J's create() fails unchecked (a line another process holds, a bus that refuses), and
            // gpiod's native library loads at the first line: UnsatisfiedLinkError on a foreign CPU.
            unavailable.put(feature, feature.label() + " could not be opened: " + e.getMessage());
            log.warn("event=device-open-failed feature=\"{}\" reason=\"{}\"", feature.label(), e.toString());
            return Optional.empty();
        }
    }

    private Pi4jInputLine input(String id, InputLineSpec spec) {
        DigitalInput input = context.create(DigitalInput.newConfigBuilder(context)
                .id(id)
                .address(spec.line())
                .pull(Pi4jLevels.pull(spec.pull()))
                .debounce(0L)); // the HAL debounces itself, on the first edge (see input.Debouncer)
        return new Pi4jInputLine(input, id, spec);
    }

    private OutputLine output(String id, OutputLineSpec spec) {
        DigitalState active = Pi4jLevels.state(spec.activeLevel());
        return gpioOutput(id, spec.line(), active);
    }

    private Pi4jOutputLine gpioOutput(String id, int line, DigitalState active) {
        DigitalState inactive = Pi4jOutputLine.opposite(active);
        DigitalOutput output = context.create(DigitalOutput.newConfigBuilder(context)
                .id(id)
                .address(line)
                .initial(inactive)
                .shutdown(inactive));
        return new Pi4jOutputLine(output, id, line, active);
    }

    private Led led(String id, LedSpec spec) {
        if (spec.pwmChannel().isEmpty()) {
            return new Pi4jGpioLed(gpioOutput(id, spec.line(), DigitalState.HIGH));
        }
        Pwm pwm = context.create(Pwm.newConfigBuilder(context)
                .id(id)
                .address(spec.pwmChannel().getAsInt())
                .pwmType(PwmType.HARDWARE)
                .frequency(spec.frequencyHz())
                .dutyCycle(0)
                .initial(0)
                .shutdown(0));
        return new Pi4jPwmLed(pwm, id, spec);
    }

    private I2cRegisters i2c(AmbientLightSpec spec) {
        I2C i2c = context.create(I2C.newConfigBuilder(context)
                .id("ambient-light")
                .bus(spec.i2cBus())
                .device(spec.i2cAddress()));
        return new Pi4jI2cRegisters(i2c, spec.i2cBus(), spec.i2cAddress());
    }

    private static Optional<MockPlatformControls.Line> mockLine(Optional<Pi4jInputLine> line) {
        return line.map(l -> new MockPlatformControls.Line(mockInput(l), l.activeLevel()));
    }

    private static MockDigitalInput mockInput(Pi4jInputLine line) {
        if (line.input() instanceof MockDigitalInput mock) {
            return mock;
        }
        throw new IllegalStateException("the emulated board's context made a non-mock input: " + line.input());
    }

    /** The features a failed driver start takes down: every device the profile has on Pi4J. */
    private static List<Feature> lineFeatures(BoardProfile profile) {
        List<Feature> features = new ArrayList<>();
        profile.cameraPower().ifPresent(spec -> features.add(Feature.CAMERA_POWER));
        profile.privacyShutter().ifPresent(spec -> features.add(Feature.PRIVACY_SHUTTER));
        profile.muteButton().ifPresent(spec -> features.add(Feature.MUTE_BUTTON));
        profile.muteLed().ifPresent(spec -> features.add(Feature.MUTE_LED));
        profile.statusLed().ifPresent(spec -> features.add(Feature.STATUS_LED));
        if (profile.platform() != Platform.EMULATED) {
            profile.ambientLight().ifPresent(spec -> features.add(Feature.AMBIENT_LIGHT));
        }
        return features;
    }

    @FunctionalInterface
    private interface Opener<T> {
        T open();
    }
}
