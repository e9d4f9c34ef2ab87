package com.roomagent.hal.profile;

import static com.roomagent.hal.profile.BoardProfileKeys.*;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/** Builds a {@link BoardProfile} from one source's keys, checking each value on the way. */
final class BoardProfileParser {
    static final Duration DEFAULT_BUTTON_DEBOUNCE = Duration.ofMillis(30);
    static final Duration DEFAULT_SHUTTER_DEBOUNCE = Duration.ofMillis(50);
    static final Duration MAX_DEBOUNCE = Duration.ofSeconds(1);
    static final Duration DEFAULT_SENSOR_POLL = Duration.ofSeconds(5);
    /** An OPT3001 conversion takes 800 ms; reading faster would return the same result. */
    static final Duration MIN_SENSOR_POLL = Duration.ofSeconds(1);

    static final Duration DEFAULT_DEVICE_POLL = Duration.ofSeconds(2);
    static final int DEFAULT_FREQUENCY_HZ = 1000;
    static final int DEFAULT_BRIGHTNESS_PERCENT = 100;

    private final ProfileReader reader;
    private Platform platform = Platform.EMULATED;

    BoardProfileParser(ProfileReader reader) {
        this.reader = reader;
    }

    BoardProfile parse() throws BoardProfileException {
        reader.checkKeys();
        String name = reader.requiredText(NAME);
        platform = reader.requiredChoice(PLATFORM, Platform.values(), Platform::keyword);
        BoardProfile profile = new BoardProfile(
                name,
                reader.source(),
                platform,
                reader.number(PWM_CHIP, 0, 0, 63, "a PWM chip number (/sys/class/pwm/pwmchip<N>)"),
                outputLine(CAMERA_POWER),
                inputLine(PRIVACY_SHUTTER, DEFAULT_SHUTTER_DEBOUNCE),
                inputLine(MUTE_BUTTON, DEFAULT_BUTTON_DEBOUNCE),
                led(MUTE_LED),
                led(STATUS_LED),
                ambientLight(),
                video(),
                devices());
        new LineAllocation(reader).check(profile);
        return profile;
    }

    private Optional<OutputLineSpec> outputLine(String group) throws BoardProfileException {
        if (!present(group, LINE)) {
            return Optional.empty();
        }
        return Optional.of(new OutputLineSpec(line(group), level(group, Level.HIGH)));
    }

    private Optional<InputLineSpec> inputLine(String group, Duration defaultDebounce) throws BoardProfileException {
        if (!present(group, LINE)) {
            return Optional.empty();
        }
        Pull pull = reader.choice(group + PULL, Pull.values(), BoardProfileParser::lowerCase, Pull.UP);
        Level fallbackLevel = pull == Pull.DOWN ? Level.HIGH : Level.LOW;
        return Optional.of(new InputLineSpec(
                line(group),
                level(group, fallbackLevel),
                pull,
                reader.duration(group + DEBOUNCE, defaultDebounce, Duration.ZERO, MAX_DEBOUNCE)));
    }

    private Optional<LedSpec> led(String group) throws BoardProfileException {
        if (!present(group, LINE)) {
            return Optional.empty();
        }
        int line = line(group);
        OptionalInt channel = reader.has(group + PWM_CHANNEL)
                ? OptionalInt.of(reader.number(
                        group + PWM_CHANNEL,
                        0,
                        0,
                        platform == Platform.RASPBERRY_PI ? 3 : 15,
                        platform == Platform.RASPBERRY_PI
                                ? "a PWM channel from 0 to 3 (BCM2711: 0-1, RP1: 0-3)"
                                : "a PWM channel from 0 to 15"))
                : OptionalInt.empty();
        int frequency = reader.number(
                group + FREQUENCY_HZ, DEFAULT_FREQUENCY_HZ, 1, 100_000, "a frequency in Hz from 1 to 100000");
        int brightness = reader.number(
                group + BRIGHTNESS_PERCENT, DEFAULT_BRIGHTNESS_PERCENT, 1, 100, "a percentage from 1 to 100");
        return Optional.of(new LedSpec(line, channel, frequency, brightness));
    }

    private Optional<AmbientLightSpec> ambientLight() throws BoardProfileException {
        if (!present(AMBIENT_LIGHT, CHIP)) {
            return Optional.empty();
        }
        SensorChip chip = reader.requiredChoice(AMBIENT_LIGHT + CHIP, SensorChip.values(), SensorChip::keyword);
        int bus = reader.requiredNumber(
                AMBIENT_LIGHT + I2C_BUS, 0, 255, "the I2C bus the " + chip.keyword() + " sits on (1 for /dev/i2c-1)");
        if (!reader.has(AMBIENT_LIGHT + I2C_ADDRESS)) {
            throw reader.error(AMBIENT_LIGHT + I2C_ADDRESS, "missing; expected " + addresses(chip));
        }
        int address = reader.number(AMBIENT_LIGHT + I2C_ADDRESS, 0, 0x03, 0x77, "a 7-bit I2C address");
        if (!chip.addresses().contains(address)) {
            throw reader.error(
                    AMBIENT_LIGHT + I2C_ADDRESS,
                    String.format(
                                    Locale.ROOT,
                                    "0x%02x is not an address the %s can have; expected ",
                                    address,
                                    chip.keyword())
                            + addresses(chip));
        }
        Duration poll = reader.duration(
                AMBIENT_LIGHT + POLL_INTERVAL, DEFAULT_SENSOR_POLL, MIN_SENSOR_POLL, Duration.ofHours(1));
        return Optional.of(new AmbientLightSpec(chip, bus, address, poll));
    }

    private VideoSpec video() throws BoardProfileException {
        Encoder encoder = reader.requiredChoice(VIDEO_ENCODER, Encoder.values(), Encoder::keyword);
        return new VideoSpec(
                encoder,
                reader.number(VIDEO_MAX_WIDTH, 1280, 160, 7680, "a width in pixels from 160 to 7680"),
                reader.number(VIDEO_MAX_HEIGHT, 720, 120, 4320, "a height in pixels from 120 to 4320"),
                reader.number(VIDEO_MAX_FPS, 30, 1, 120, "frames per second from 1 to 120"));
    }

    private DeviceSpec devices() throws BoardProfileException {
        return new DeviceSpec(
                reader.list(CAMERA_NAMES),
                reader.flag(CAMERA_USB, true),
                reader.list(AUDIO_CARDS),
                reader.duration(
                        DEVICES_POLL_INTERVAL, DEFAULT_DEVICE_POLL, Duration.ofMillis(100), Duration.ofMinutes(10)));
    }

    /**
     * A device group is present when its defining key is set. Other keys of a group without it are
     * a mistake (a half-deleted device), not something to ignore.
     */
    private boolean present(String group, String definingLeaf) throws BoardProfileException {
        if (reader.has(group + definingLeaf)) {
            return true;
        }
        Optional<String> stray = reader.anyKeyOf(group);
        if (stray.isPresent()) {
            throw reader.error(
                    stray.get(),
                    "is set but " + group + definingLeaf + " is not; set " + group + definingLeaf + " or remove the "
                            + group + ".* keys");
        }
        return false;
    }

    private int line(String group) throws BoardProfileException {
        return platform == Platform.RASPBERRY_PI
                ? reader.number(group + LINE, 0, 0, 27, "a BCM GPIO number from 0 to 27 (the 40-pin header)")
                : reader.number(group + LINE, 0, 0, 4095, "a GPIO line number from 0 to 4095");
    }

    private Level level(String group, Level fallback) throws BoardProfileException {
        return reader.choice(group + ACTIVE_LEVEL, Level.values(), BoardProfileParser::lowerCase, fallback);
    }

    private static String addresses(SensorChip chip) {
        StringBuilder text = new StringBuilder();
        chip.addresses().stream()
                .sorted()
                .forEach(a ->
                        text.append(text.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "0x%02x", a)));
        return "one of " + text + " (set by the chip's ADDR pin)";
    }

    private static String lowerCase(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
