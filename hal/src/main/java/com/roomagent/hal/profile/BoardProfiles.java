package com.roomagent.hal.profile;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.configuration2.Configuration;
import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.builder.FileBasedConfigurationBuilder;
import org.apache.commons.configuration2.builder.fluent.Parameters;
import org.apache.commons.configuration2.ex.ConfigurationException;

/**
 * Reads board profiles: a properties file (the agent's board layer, {@code <config
 * dir>/board.properties}), one of the built-in profiles, or any Commons Configuration the agent has
 * assembled. Every value is checked; the first problem is a {@link BoardProfileException} naming the
 * source, the key and what is wrong.
 */
public final class BoardProfiles {
    /** The name of a profile file in the agent's configuration directory. */
    public static final String FILE_NAME = "board.properties";

    /** A Raspberry Pi 4/5 room kit: camera power, shutter, button, two PWM LEDs, an OPT3001. */
    public static final String RASPBERRY_PI_ROOM_KIT = "raspberry-pi-room-kit";
    /** Any arm64 Linux board: USB camera and microphone, software encoding, no GPIO. */
    public static final String GENERIC_ARM64 = "generic-arm64";
    /** The emulated board of tests, the demo and firmware CI. */
    public static final String EMULATED = "emulated";

    private static final List<String> BUILT_IN = List.of(RASPBERRY_PI_ROOM_KIT, GENERIC_ARM64, EMULATED);

    private BoardProfiles() {}

    /** The names of the profiles shipped in the HAL's jar. */
    public static List<String> builtInNames() {
        return BUILT_IN;
    }

    /**
     * A profile shipped in the HAL's jar.
     *
     * @throws BoardProfileException when no built-in profile has this name
     */
    public static BoardProfile builtIn(String name) throws BoardProfileException {
        String source = "built-in profile " + name;
        URL resource = BUILT_IN.contains(name) ? BoardProfiles.class.getResource(name + ".properties") : null;
        if (resource == null) {
            throw new BoardProfileException(
                    source, "", "no such profile; the built-in profiles are " + String.join(", ", BUILT_IN));
        }
        FileBasedConfigurationBuilder<PropertiesConfiguration> builder = new FileBasedConfigurationBuilder<>(
                        PropertiesConfiguration.class)
                .configure(new Parameters().properties().setURL(resource));
        return fromConfiguration(read(builder, source), source);
    }

    /**
     * A profile file.
     *
     * @throws BoardProfileException when the file is missing, unreadable or wrong
     */
    public static BoardProfile load(Path file) throws BoardProfileException {
        String source = file.toString();
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new BoardProfileException(
                    source,
                    "",
                    "is not a readable file; write a profile there (docs/hal.md) or copy a built-in one: "
                            + String.join(", ", BUILT_IN));
        }
        FileBasedConfigurationBuilder<PropertiesConfiguration> builder = new FileBasedConfigurationBuilder<>(
                        PropertiesConfiguration.class)
                .configure(new Parameters().properties().setFile(file.toFile()));
        return fromConfiguration(read(builder, source), source);
    }

    /**
     * A profile from the {@code board.*} keys of a configuration the caller assembled (for example
     * the agent's board layer). Keys outside {@code board.*} are left to their owner.
     *
     * @param source what to name in errors: a file path or a layer's name
     */
    public static BoardProfile fromConfiguration(Configuration configuration, String source)
            throws BoardProfileException {
        return new BoardProfileParser(new ProfileReader(configuration, source)).parse();
    }

    private static PropertiesConfiguration read(
            FileBasedConfigurationBuilder<PropertiesConfiguration> builder, String source)
            throws BoardProfileException {
        try {
            return builder.getConfiguration();
        } catch (ConfigurationException e) {
            throw new BoardProfileException(source, "cannot be read as a properties file: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
