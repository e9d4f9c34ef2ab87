package com.roomagent.agent.config;

import com.roomagent.hal.profile.BoardProfile;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The agent's configuration after every layer has been read and every value checked: typed
 * values, and for each the layer it came from (for {@code room-agent config}). Immutable.
 */
public final class AgentConfiguration {
    /** The control socket's file name in the state directory, when {@code control.socketPath} is empty. */
    public static final String CONTROL_SOCKET_FILE = "control.sock";

    private final Map<Setting<?>, Object> values;
    private final Map<Setting<?>, String> sources;
    private final BoardProfile boardProfile;
    private final Path configDirectory;
    private final Path stateDirectory;

    AgentConfiguration(
            Map<Setting<?>, Object> values,
            Map<Setting<?>, String> sources,
            BoardProfile boardProfile,
            Path configDirectory,
            Path stateDirectory) {
        this.values = Map.copyOf(values);
        this.sources = Map.copyOf(sources);
        this.boardProfile = boardProfile;
        this.configDirectory = configDirectory;
        this.stateDirectory = stateDirectory;
    }

    /** The value of {@code setting}, from the highest layer that sets it. */
    public <T> T get(Setting<T> setting) {
        Object value = values.get(setting);
        if (value == null) {
            throw new IllegalArgumentException(setting.key() + " is not in AgentSettings.ALL");
        }
        return setting.javaType().cast(value);
    }

    /** Which layer, and which file or variable, gave {@code setting} its value. */
    public String sourceOf(Setting<?> setting) {
        return sources.getOrDefault(setting, "unknown");
    }

    /** The configured device id, or the host name when none is configured. */
    public String deviceId() {
        String configured = get(AgentSettings.DEVICE_ID);
        if (!configured.isEmpty()) {
            return configured;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "room-device";
        }
    }

    /** Where the control socket is: {@code control.socketPath}, or {@code control.sock} in the state directory. */
    public Path controlSocketPath() {
        Path configured = get(AgentSettings.CONTROL_SOCKET_PATH);
        return configured.equals(SettingType.NO_FILE) ? stateDirectory.resolve(CONTROL_SOCKET_FILE) : configured;
    }

    /**
     * The board's profile, checked: from the {@code board.*} keys of {@code board.properties} when
     * it has any, else the built-in profile {@code hal.board} names ({@link BoardProfile#source()}
     * says which).
     */
    public BoardProfile boardProfile() {
        return boardProfile;
    }

    public Path configDirectory() {
        return configDirectory;
    }

    public Path stateDirectory() {
        return stateDirectory;
    }

    /** Every setting's key with its value as text (secrets masked), in documentation order. */
    public Map<String, String> describe() {
        Map<String, String> described = new LinkedHashMap<>();
        for (Setting<?> setting : AgentSettings.ALL) {
            Object value = values.get(setting);
            String text = value instanceof Duration duration ? DurationText.format(duration) : String.valueOf(value);
            described.put(setting.key(), setting.secret() ? (text.isEmpty() ? "" : "(set, not shown)") : text);
        }
        return described;
    }
}
