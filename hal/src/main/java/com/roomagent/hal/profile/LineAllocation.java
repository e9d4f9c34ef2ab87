package com.roomagent.hal.profile;

import static com.roomagent.hal.profile.BoardProfileKeys.*;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Checks that every GPIO line and every PWM channel drives one thing: two devices on one line would
 * fight (an output driving a button's input), or one would silently never work.
 */
final class LineAllocation {
    private final ProfileReader reader;
    private final Map<Integer, String> lines = new HashMap<>();
    private final Map<Integer, String> channels = new HashMap<>();

    LineAllocation(ProfileReader reader) {
        this.reader = reader;
    }

    void check(BoardProfile profile) throws BoardProfileException {
        claimLine(profile.cameraPower().map(OutputLineSpec::line), CAMERA_POWER);
        claimLine(profile.privacyShutter().map(InputLineSpec::line), PRIVACY_SHUTTER);
        claimLine(profile.muteButton().map(InputLineSpec::line), MUTE_BUTTON);
        claimLine(profile.muteLed().map(LedSpec::line), MUTE_LED);
        claimLine(profile.statusLed().map(LedSpec::line), STATUS_LED);
        claimChannel(profile.muteLed(), MUTE_LED);
        claimChannel(profile.statusLed(), STATUS_LED);
    }

    private void claimLine(Optional<Integer> line, String group) throws BoardProfileException {
        if (line.isEmpty()) {
            return;
        }
        String key = group + LINE;
        String previous = lines.putIfAbsent(line.get(), key);
        if (previous != null) {
            throw reader.error(
                    key,
                    "line " + line.get() + " is already used by " + previous
                            + "; every line drives one thing, give each device its own line");
        }
    }

    private void claimChannel(Optional<LedSpec> led, String group) throws BoardProfileException {
        if (led.isEmpty() || led.get().pwmChannel().isEmpty()) {
            return;
        }
        int channel = led.get().pwmChannel().getAsInt();
        String key = group + PWM_CHANNEL;
        String previous = channels.putIfAbsent(channel, key);
        if (previous != null) {
            throw reader.error(
                    key,
                    "PWM channel " + channel + " is already used by " + previous
                            + "; each LED needs its own channel (or none, to switch it on and off)");
        }
    }
}
