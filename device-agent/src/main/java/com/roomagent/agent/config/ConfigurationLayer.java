package com.roomagent.agent.config;

/**
 * The layers of the agent's configuration, from lowest to highest precedence: a value in a higher
 * layer overrides the same key in every lower one (ARCHITECTURE.md, configuration).
 */
public enum ConfigurationLayer {
    /** The defaults in {@link AgentSettings}. */
    BUILT_IN("built-in default"),
    /** {@code <config dir>/board.properties}: what the hardware implies. */
    BOARD_PROFILE("board profile"),
    /** {@code <state dir>/identity/provisioned.properties}: what the cloud set at provisioning. */
    PROVISIONED("provisioned settings"),
    /** {@code <config dir>/agent.properties}: what the device's administrator set. */
    ADMINISTRATOR("administrator overrides"),
    /** {@code ROOM_AGENT_*} environment variables. */
    ENVIRONMENT("environment"),
    /** {@code -Droomagent.*} system properties and the command line's {@code --set}. */
    SYSTEM_PROPERTIES("system properties");

    private final String description;

    ConfigurationLayer(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
