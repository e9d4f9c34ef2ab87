package com.roomagent.agent.cli;

import com.roomagent.agent.config.AgentConfiguration;
import com.roomagent.agent.config.ConfigurationException;
import com.roomagent.agent.config.ConfigurationLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where the configuration layers are, shared by every command that reads the configuration. */
final class ConfigurationOptions {
    @Option(
            names = "--config-dir",
            paramLabel = "DIR",
            description =
                    "Directory of board.properties and agent.properties (default: $ROOM_AGENT_CONFIG_DIR or /etc/room-agent).")
    Path configDirectory = Path.of(System.getenv().getOrDefault("ROOM_AGENT_CONFIG_DIR", "/etc/room-agent"));

    @Option(
            names = "--state-dir",
            paramLabel = "DIR",
            description =
                    "Directory of the device's state: identity, provisioned settings, control socket (default: $ROOM_AGENT_STATE_DIR or /var/lib/room-agent).")
    Path stateDirectory = Path.of(System.getenv().getOrDefault("ROOM_AGENT_STATE_DIR", "/var/lib/room-agent"));

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description =
                    "Set a configuration key for this run (highest layer); repeatable. Keys: docs/configuration.md.")
    Map<String, String> overrides = new LinkedHashMap<>();

    // Read by RoomAgentCommand before picocli runs (the log level is fixed at the first logger);
    // declared here so that picocli accepts it on every command.
    @Option(
            names = {"-v", "--verbose"},
            description = "Log every event, including debug detail, on standard error.")
    boolean verbose;

    AgentConfiguration load() throws ConfigurationException {
        return loader().load();
    }

    /** The loader of these layers, for the daemon, which reads them again once provisioned. */
    ConfigurationLoader loader() {
        return new ConfigurationLoader(
                configDirectory, stateDirectory, System.getenv(), System.getProperties(), overrides);
    }
}
