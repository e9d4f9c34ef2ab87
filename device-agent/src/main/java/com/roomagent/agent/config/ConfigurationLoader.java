package com.roomagent.agent.config;

import com.roomagent.hal.profile.BoardProfile;
import com.roomagent.hal.profile.BoardProfileException;
import com.roomagent.hal.profile.BoardProfileKeys;
import com.roomagent.hal.profile.BoardProfiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.configuration2.CombinedConfiguration;
import org.apache.commons.configuration2.Configuration;
import org.apache.commons.configuration2.MapConfiguration;
import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.builder.FileBasedConfigurationBuilder;
import org.apache.commons.configuration2.builder.fluent.Parameters;
import org.apache.commons.configuration2.tree.OverrideCombiner;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Reads the agent's configuration in layers with Apache Commons Configuration (see {@link
 * ConfigurationLayer}) and checks every value before the agent starts, so a broken file stops the
 * agent at boot with the file, the key and what is wrong, instead of failing later at use.
 *
 * <p>Files are Java properties files. A missing file is an empty layer; an unknown key in a file
 * is an error (a misspelt key silently ignored is worse than a refusal). The board layer also
 * holds the board profile: its {@code board.*} keys are handed to the HAL, which checks them
 * ({@link BoardProfiles#fromConfiguration}); anywhere else a {@code board.*} key is refused.
 */
public final class ConfigurationLoader {
    /** The file of the board profile layer, in the configuration directory. */
    public static final String BOARD_PROFILE_FILE = "board.properties";
    /** The file of the administrator layer, in the configuration directory. */
    public static final String ADMINISTRATOR_FILE = "agent.properties";
    /**
     * The file of the provisioned layer, relative to the state directory: where the identity store
     * writes the organization's settings at provisioning ({@code
     * IdentityStore.provisionedSettingsFile()}, a test keeps the two equal).
     */
    public static final String PROVISIONED_FILE = "identity/provisioned.properties";

    private static final String SYSTEM_PROPERTY_PREFIX = "roomagent.";

    private final Path configDirectory;
    private final Path stateDirectory;
    private final Map<String, String> environment;
    private final Properties systemProperties;
    private final Map<String, String> commandLineOverrides;

    /**
     * @param configDirectory where {@code board.properties} and {@code agent.properties} live
     *     (on a device, /etc/room-agent)
     * @param stateDirectory where {@code identity/provisioned.properties} lives (on a device,
     *     /var/lib/room-agent)
     * @param environment the process environment, for {@code ROOM_AGENT_*} variables
     * @param systemProperties the JVM's system properties, for {@code roomagent.*} keys
     * @param commandLineOverrides keys set on the command line, in the system properties layer
     */
    public ConfigurationLoader(
            Path configDirectory,
            Path stateDirectory,
            Map<String, String> environment,
            Properties systemProperties,
            Map<String, String> commandLineOverrides) {
        this.configDirectory = configDirectory;
        this.stateDirectory = stateDirectory;
        this.environment = Map.copyOf(environment);
        this.systemProperties = systemProperties;
        this.commandLineOverrides = Map.copyOf(commandLineOverrides);
    }

    /** The file of the provisioned layer: {@value #PROVISIONED_FILE} in the state directory. */
    public Path provisionedFile() {
        return stateDirectory.resolve(PROVISIONED_FILE);
    }

    /**
     * Loads and checks every layer.
     *
     * @throws ConfigurationException naming the source and key of the first problem found
     */
    public AgentConfiguration load() throws ConfigurationException {
        List<Layer> layers = new ArrayList<>();
        layers.add(new Layer(ConfigurationLayer.BUILT_IN, "built-in defaults", builtInDefaults()));
        Layer board = fileLayer(ConfigurationLayer.BOARD_PROFILE, configDirectory.resolve(BOARD_PROFILE_FILE));
        layers.add(board);
        layers.add(fileLayer(ConfigurationLayer.PROVISIONED, provisionedFile()));
        layers.add(fileLayer(ConfigurationLayer.ADMINISTRATOR, configDirectory.resolve(ADMINISTRATOR_FILE)));
        layers.add(environmentLayer());
        layers.add(systemPropertiesLayer());

        // OverrideCombiner: the configuration added first wins, so add the highest layer first.
        CombinedConfiguration combined = new CombinedConfiguration(new OverrideCombiner());
        for (int i = layers.size() - 1; i >= 0; i--) {
            combined.addConfiguration(
                    layers.get(i).configuration(), layers.get(i).layer().name());
        }

        Map<Setting<?>, Object> values = new LinkedHashMap<>();
        Map<Setting<?>, String> sources = new LinkedHashMap<>();
        for (Setting<?> setting : AgentSettings.ALL) {
            Layer source = highestLayerWith(layers, setting.key());
            String text = combined.getString(setting.key());
            values.put(setting, parse(setting, text, source.sourceName()));
            sources.put(
                    setting,
                    source.layer() == ConfigurationLayer.BUILT_IN
                            ? source.layer().description()
                            : source.layer().description() + " (" + source.sourceName() + ")");
        }
        checkProxyCredentials(values, sources);
        BoardProfile profile = boardProfile(board, (String) values.get(AgentSettings.HAL_BOARD));
        return new AgentConfiguration(values, sources, profile, configDirectory, stateDirectory);
    }

    /**
     * The board's profile: the board layer's {@code board.*} keys when it has any, else the
     * built-in profile {@code hal.board} names. Checked here, so a wrong profile stops the agent at
     * boot like any other configuration error.
     */
    private static BoardProfile boardProfile(Layer board, String builtIn) throws ConfigurationException {
        boolean hasBoardKeys = false;
        for (Iterator<String> keys = board.configuration().getKeys(); keys.hasNext(); ) {
            hasBoardKeys |= BoardProfileKeys.isBoardKey(keys.next());
        }
        try {
            return hasBoardKeys
                    ? BoardProfiles.fromConfiguration(board.configuration(), board.sourceName())
                    : BoardProfiles.builtIn(builtIn);
        } catch (BoardProfileException e) {
            throw new ConfigurationException(e);
        }
    }

    /** Proxy credentials only make sense together, and with a proxy (docs/proxy.md). */
    private static void checkProxyCredentials(Map<Setting<?>, Object> values, Map<Setting<?>, String> sources)
            throws ConfigurationException {
        boolean proxy = !((String) values.get(AgentSettings.NETWORK_HTTP_PROXY)).isEmpty();
        boolean user = !((String) values.get(AgentSettings.NETWORK_HTTP_PROXY_USER)).isEmpty();
        boolean password = !((String) values.get(AgentSettings.NETWORK_HTTP_PROXY_PASSWORD)).isEmpty();
        if (password && !user) {
            throw new ConfigurationException(
                    sources.get(AgentSettings.NETWORK_HTTP_PROXY_PASSWORD),
                    AgentSettings.NETWORK_HTTP_PROXY_USER.key(),
                    "is empty but network.httpProxyPassword is set; set the proxy's user name too");
        }
        String mode = (String) values.get(AgentSettings.NETWORK_PROXY_MODE);
        boolean automatic = mode.equals("pac") || mode.equals("auto");
        if (mode.equals("pac") && ((String) values.get(AgentSettings.NETWORK_PAC_URL)).isEmpty()) {
            throw new ConfigurationException(
                    sources.get(AgentSettings.NETWORK_PROXY_MODE),
                    AgentSettings.NETWORK_PAC_URL.key(),
                    "is empty but network.proxyMode is pac; set the PAC file's URL, or use network.proxyMode=auto"
                            + " (WPAD)");
        }
        if (user && !proxy && !automatic) {
            throw new ConfigurationException(
                    sources.get(AgentSettings.NETWORK_HTTP_PROXY_USER),
                    AgentSettings.NETWORK_HTTP_PROXY.key(),
                    "is empty but network.httpProxyUser is set; set the proxy as host:port, use"
                            + " network.proxyMode=pac or auto, or remove the credentials");
        }
    }

    private static Configuration builtInDefaults() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        for (Setting<?> setting : AgentSettings.ALL) {
            defaults.put(setting.key(), setting.defaultValue());
        }
        return new MapConfiguration(defaults);
    }

    private static Layer fileLayer(ConfigurationLayer layer, Path file) throws ConfigurationException {
        if (!Files.exists(file)) {
            return new Layer(layer, file.toString(), new MapConfiguration(new LinkedHashMap<String, Object>()));
        }
        if (!Files.isReadable(file) || !Files.isRegularFile(file)) {
            throw new ConfigurationException(
                    file.toString(), "", "is not a readable file; check its type and permissions");
        }
        FileBasedConfigurationBuilder<PropertiesConfiguration> builder = new FileBasedConfigurationBuilder<>(
                        PropertiesConfiguration.class)
                .configure(new Parameters().properties().setFile(file.toFile()));
        PropertiesConfiguration configuration;
        try {
            configuration = builder.getConfiguration();
        } catch (org.apache.commons.configuration2.ex.ConfigurationException e) {
            throw new ConfigurationException(
                    file.toString(), "cannot be read as a properties file: " + rootMessage(e), e);
        }
        for (Iterator<String> keys = configuration.getKeys(); keys.hasNext(); ) {
            String key = keys.next();
            // The board layer also holds the board profile: its board.* keys are the HAL's to check.
            if (!(layer == ConfigurationLayer.BOARD_PROFILE && BoardProfileKeys.isBoardKey(key))) {
                rejectUnknown(key, file.toString());
            }
        }
        return new Layer(layer, file.toString(), configuration);
    }

    private Layer environmentLayer() {
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (Setting<?> setting : AgentSettings.ALL) {
            String value = environment.get(setting.environmentVariable());
            if (value != null) {
                values.put(setting.key(), value);
                names.add(setting.environmentVariable());
            }
        }
        return new Layer(
                ConfigurationLayer.ENVIRONMENT,
                "environment " + String.join(", ", names),
                new MapConfiguration(values));
    }

    private Layer systemPropertiesLayer() throws ConfigurationException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String name : systemProperties.stringPropertyNames()) {
            if (name.startsWith(SYSTEM_PROPERTY_PREFIX)) {
                String key = name.substring(SYSTEM_PROPERTY_PREFIX.length());
                rejectUnknown(key, "system property " + name);
                values.put(key, systemProperties.getProperty(name));
            }
        }
        for (Map.Entry<String, String> override : commandLineOverrides.entrySet()) {
            rejectUnknown(override.getKey(), "command line --set " + override.getKey());
            values.put(override.getKey(), override.getValue());
        }
        return new Layer(
                ConfigurationLayer.SYSTEM_PROPERTIES, "system properties and --set", new MapConfiguration(values));
    }

    private static Layer highestLayerWith(List<Layer> layers, String key) {
        for (int i = layers.size() - 1; i > 0; i--) {
            if (layers.get(i).configuration().containsKey(key)) {
                return layers.get(i);
            }
        }
        return layers.get(0);
    }

    private static Object parse(Setting<?> setting, String text, String source) throws ConfigurationException {
        Object value;
        try {
            value = setting.type().parse(text == null ? "" : text);
        } catch (SettingType.InvalidValueException e) {
            String shown = setting.secret() ? "the value" : "'" + text + "'";
            throw new ConfigurationException(
                    source,
                    setting.key(),
                    shown + " " + e.getMessage() + "; expected "
                            + setting.type().expected() + " (default " + setting.defaultValue() + ")");
        }
        checkMinimum(setting, value, source);
        return value;
    }

    private static void checkMinimum(Setting<?> setting, Object value, String source) throws ConfigurationException {
        if (!setting.minimum().isEmpty() && compare(setting, value, setting.minimum()) < 0) {
            throw new ConfigurationException(
                    source,
                    setting.key(),
                    "must be at least " + setting.minimum() + " (default " + setting.defaultValue() + ")");
        }
        if (!setting.maximum().isEmpty() && compare(setting, value, setting.maximum()) > 0) {
            throw new ConfigurationException(
                    source,
                    setting.key(),
                    "must be at most " + setting.maximum() + " (default " + setting.defaultValue() + ")");
        }
    }

    /** Compares a parsed whole number or duration with a bound written in the setting's syntax. */
    private static int compare(Setting<?> setting, Object value, String bound) {
        Object limit;
        try {
            limit = setting.type().parse(bound);
        } catch (SettingType.InvalidValueException e) {
            throw new IllegalStateException("the bound " + bound + " of " + setting.key() + " is not valid", e);
        }
        if (value instanceof Integer number) {
            return Integer.compare(number, (Integer) limit);
        }
        if (value instanceof Duration duration) {
            return duration.compareTo((Duration) limit);
        }
        throw new IllegalStateException(setting.key() + " has bounds but is neither a number nor a duration");
    }

    private static void rejectUnknown(String key, String source) throws ConfigurationException {
        for (Setting<?> setting : AgentSettings.ALL) {
            if (setting.key().equals(key)) {
                return;
            }
        }
        String closest = "";
        int best = Integer.MAX_VALUE;
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        for (Setting<?> setting : AgentSettings.ALL) {
            int d = distance.apply(
                    key.toLowerCase(java.util.Locale.ROOT), setting.key().toLowerCase(java.util.Locale.ROOT));
            if (d < best) {
                best = d;
                closest = setting.key();
            }
        }
        if (BoardProfileKeys.isBoardKey(key)) {
            throw new ConfigurationException(
                    source,
                    key,
                    "board profile keys are read only from the board layer, <config dir>/" + BOARD_PROFILE_FILE
                            + "; move it there (docs/hal.md lists the board.* keys)");
        }
        String hint = best <= Math.max(3, key.length() / 4) ? "did you mean " + closest + "? " : "";
        throw new ConfigurationException(
                source, key, "unknown setting; " + hint + "every setting is listed in docs/configuration.md");
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private record Layer(ConfigurationLayer layer, String sourceName, Configuration configuration) {}
}
