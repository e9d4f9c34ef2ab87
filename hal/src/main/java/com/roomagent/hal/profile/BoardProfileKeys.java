package com.roomagent.hal.profile;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Every key of a board profile. Each is documented once, with its unit and default, in docs/hal.md
 * (a test keeps the two equal). All start with {@value #PREFIX}, so the agent's configuration can
 * hand the board layer's {@code board.*} keys to the HAL and check the rest itself.
 */
public final class BoardProfileKeys {
    /** The prefix of every board key. */
    public static final String PREFIX = "board.";

    public static final String NAME = "board.name";
    public static final String PLATFORM = "board.platform";
    public static final String PWM_CHIP = "board.pwm.chip";

    public static final String CAMERA_POWER = "board.cameraPower";
    public static final String PRIVACY_SHUTTER = "board.privacyShutter";
    public static final String MUTE_BUTTON = "board.muteButton";
    public static final String MUTE_LED = "board.muteLed";
    public static final String STATUS_LED = "board.statusLed";
    public static final String AMBIENT_LIGHT = "board.ambientLight";

    /** Leaf names of the device groups above: {@code board.muteButton} + {@code .line}. */
    public static final String LINE = ".line";

    public static final String ACTIVE_LEVEL = ".activeLevel";
    public static final String PULL = ".pull";
    public static final String DEBOUNCE = ".debounce";
    public static final String PWM_CHANNEL = ".pwmChannel";
    public static final String FREQUENCY_HZ = ".frequencyHz";
    public static final String BRIGHTNESS_PERCENT = ".brightnessPercent";
    public static final String CHIP = ".chip";
    public static final String I2C_BUS = ".i2cBus";
    public static final String I2C_ADDRESS = ".i2cAddress";
    public static final String POLL_INTERVAL = ".pollInterval";

    public static final String VIDEO_ENCODER = "board.video.encoder";
    public static final String VIDEO_MAX_WIDTH = "board.video.maxWidth";
    public static final String VIDEO_MAX_HEIGHT = "board.video.maxHeight";
    public static final String VIDEO_MAX_FPS = "board.video.maxFps";
    public static final String CAMERA_NAMES = "board.camera.names";
    public static final String CAMERA_USB = "board.camera.usb";
    public static final String AUDIO_CARDS = "board.audio.cards";
    public static final String DEVICES_POLL_INTERVAL = "board.devices.pollInterval";

    /** Every key, in the order docs/hal.md lists them. */
    public static final List<String> ALL = List.of(
            NAME,
            PLATFORM,
            CAMERA_POWER + LINE,
            CAMERA_POWER + ACTIVE_LEVEL,
            PRIVACY_SHUTTER + LINE,
            PRIVACY_SHUTTER + ACTIVE_LEVEL,
            PRIVACY_SHUTTER + PULL,
            PRIVACY_SHUTTER + DEBOUNCE,
            MUTE_BUTTON + LINE,
            MUTE_BUTTON + ACTIVE_LEVEL,
            MUTE_BUTTON + PULL,
            MUTE_BUTTON + DEBOUNCE,
            PWM_CHIP,
            MUTE_LED + LINE,
            MUTE_LED + PWM_CHANNEL,
            MUTE_LED + FREQUENCY_HZ,
            MUTE_LED + BRIGHTNESS_PERCENT,
            STATUS_LED + LINE,
            STATUS_LED + PWM_CHANNEL,
            STATUS_LED + FREQUENCY_HZ,
            STATUS_LED + BRIGHTNESS_PERCENT,
            AMBIENT_LIGHT + CHIP,
            AMBIENT_LIGHT + I2C_BUS,
            AMBIENT_LIGHT + I2C_ADDRESS,
            AMBIENT_LIGHT + POLL_INTERVAL,
            VIDEO_ENCODER,
            VIDEO_MAX_WIDTH,
            VIDEO_MAX_HEIGHT,
            VIDEO_MAX_FPS,
            CAMERA_NAMES,
            CAMERA_USB,
            AUDIO_CARDS,
            DEVICES_POLL_INTERVAL);

    private BoardProfileKeys() {}

    /** Whether a key belongs to the board profile (it starts with {@value #PREFIX}). */
    public static boolean isBoardKey(String key) {
        return key.startsWith(PREFIX);
    }

    /** Whether a key is one the HAL reads. */
    public static boolean isKnown(String key) {
        return ALL.contains(key);
    }

    /** The known key closest to a misspelt one, when it is close enough to be a likely typo. */
    public static Optional<String> suggestionFor(String key) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        String closest = "";
        int best = Integer.MAX_VALUE;
        for (String candidate : ALL) {
            int d = distance.apply(key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < best) {
                best = d;
                closest = candidate;
            }
        }
        return best <= Math.max(3, key.length() / 4) ? Optional.of(closest) : Optional.empty();
    }
}
