package com.roomagent.emulator.config;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Everything the emulator serves: the signaling server, the media nodes, and the organization
 * devices join. Built by {@link ConfigFiles} from a JSON file, or in code by tests; {@link
 * ConfigValidator} checks it before the emulator binds anything.
 *
 * @param source where the configuration came from (a file path, "built-in default configuration" or
 *     "configuration built in code"), named in every error message
 * @param signaling the signaling server
 * @param nodes the media nodes, in the order the node list shows them
 * @param organization the default organization and its URLs, handed out at activation
 */
public record EmulatorConfig(
        String source, SignalingConfig signaling, List<NodeConfig> nodes, OrganizationConfig organization) {
    /** The {@link #source()} of configurations built in code. */
    public static final String BUILT_IN_CODE = "configuration built in code";

    public EmulatorConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(signaling, "signaling");
        Objects.requireNonNull(organization, "organization");
        nodes = List.copyOf(nodes);
    }

    /** With the default organization ({@link OrganizationConfig#defaults()}). */
    public EmulatorConfig(String source, SignalingConfig signaling, List<NodeConfig> nodes) {
        this(source, signaling, nodes, OrganizationConfig.defaults());
    }

    /**
     * Signaling on 127.0.0.1 with an ephemeral port, and {@code nodes} (typically built with {@link
     * NodeConfig#loopback(String)}): the shape of every test configuration, which never needs a
     * fixed port or privilege.
     */
    public static EmulatorConfig loopback(NodeConfig... nodes) {
        return new EmulatorConfig(BUILT_IN_CODE, SignalingConfig.loopbackEphemeral(), Arrays.asList(nodes));
    }

    /** This configuration with its signaling server replaced. */
    public EmulatorConfig withSignaling(SignalingConfig replacement) {
        return new EmulatorConfig(source, replacement, nodes, organization);
    }

    /** This configuration with its organization replaced. */
    public EmulatorConfig withOrganization(OrganizationConfig replacement) {
        return new EmulatorConfig(source, signaling, nodes, replacement);
    }
}
