package com.roomagent.hal.testing;

import com.roomagent.hal.profile.BoardProfile;
import com.roomagent.hal.profile.BoardProfileException;
import com.roomagent.hal.profile.BoardProfiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.configuration2.MapConfiguration;

/** Built-in profiles with some keys changed or removed, for tests. */
public final class Profiles {
    private Profiles() {}

    /** The emulated profile with keys set (a value) or removed (an empty value). */
    public static BoardProfile emulatedWith(Map<String, String> changes) {
        Properties properties = new Properties();
        try (InputStream in = BoardProfiles.class.getResourceAsStream("emulated.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        changes.forEach((key, value) -> {
            if (value.isEmpty()) {
                properties.remove(key);
            } else {
                properties.setProperty(key, value);
            }
        });
        try {
            return BoardProfiles.fromConfiguration(new MapConfiguration(properties), "test profile");
        } catch (BoardProfileException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    public static BoardProfile emulated() {
        return emulatedWith(Map.of());
    }
}
