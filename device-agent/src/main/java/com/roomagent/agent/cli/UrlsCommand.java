package com.roomagent.agent.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.roomagent.agent.config.AgentConfiguration;
import com.roomagent.agent.config.AgentSettings;
import com.roomagent.agent.config.ConfigurationException;
import com.roomagent.agent.control.ControlClient;
import com.roomagent.agent.control.ControlClientException;
import com.roomagent.agent.control.ControlJson;
import com.roomagent.agent.control.ControlRequest;
import com.roomagent.agent.control.ControlResponse;
import com.roomagent.agent.firewall.FirewallRule;
import com.roomagent.agent.firewall.FirewallRules;
import com.roomagent.agent.firewall.FirewallRules.HostPort;
import com.roomagent.agent.firewall.FirewallRules.MediaTarget;
import com.roomagent.agent.proxy.HttpProxy;
import com.roomagent.protocol.discovery.PairResult;
import com.roomagent.provisioning.identity.IdentityStore;
import com.roomagent.provisioning.identity.IdentityStoreException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code room-agent urls}: every host and port the device needs opened, for the firewall
 * administrator (R3). Reads the configuration and the state directory; needs no running agent,
 * but when one answers on the control socket, its latest discovery report gives the media nodes'
 * addresses.
 */
@Command(
        name = "urls",
        description = "List every host, port and protocol the device connects to (all outbound), for the firewall.")
final class UrlsCommand implements Callable<Integer> {
    /** How long to wait for a running agent's status: it answers at once, or is not there. */
    private static final Duration STATUS_WAIT = Duration.ofSeconds(2);

    @Mixin
    ConfigurationOptions configuration;

    @Option(names = "--json", description = "Print a JSON array of {category, protocol, host, port, why}.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        AgentConfiguration loaded;
        try {
            loaded = configuration.load();
        } catch (ConfigurationException e) {
            return ExitCodes.configurationError(spec, e);
        }
        List<MediaTarget> targets = mediaTargets(loaded);
        List<FirewallRule> rules = FirewallRules.of(
                loaded.get(AgentSettings.CLOUD_SIGNALING_URL),
                loaded.get(AgentSettings.CLOUD_CONTENT_URL),
                loaded.get(AgentSettings.CLOUD_UPGRADE_URL),
                loaded.get(AgentSettings.CLOUD_METRICS_URL),
                provisioned(loaded),
                HttpProxy.from(loaded).map(proxy -> new HostPort(proxy.host(), proxy.port())),
                targets);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            try {
                out.println(
                        ControlJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(rules));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("firewall rules always serialize", e);
            }
        } else {
            out.printf("%-10s %-5s %-40s %5s  %s%n", "CATEGORY", "PROTO", "HOST", "PORT", "WHY");
            for (FirewallRule rule : rules) {
                out.printf(
                        "%-10s %-5s %-40s %5d  %s%n",
                        rule.category(), rule.protocol(), rule.host(), rule.port(), rule.why());
            }
            out.println("# All flows are outbound from the device (R1); it listens on no port. Allow the answers of"
                    + " these flows (stateful firewall).");
            if (targets.isEmpty()) {
                out.println("# Media node addresses are not known yet: the cloud lists them after activation. Run this"
                        + " again with the agent running and provisioned.");
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static boolean provisioned(AgentConfiguration loaded) {
        try {
            return new IdentityStore(loaded.stateDirectory()).load().isPresent();
        } catch (IdentityStoreException e) {
            return false;
        }
    }

    /** The media nodes of the running agent's latest discovery report; empty without one. */
    private static List<MediaTarget> mediaTargets(AgentConfiguration loaded) {
        if (!Files.exists(loaded.controlSocketPath())) {
            return List.of();
        }
        ControlResponse status;
        try {
            status = new ControlClient(loaded.controlSocketPath(), STATUS_WAIT).send(ControlRequest.status());
        } catch (ControlClientException e) {
            return List.of();
        }
        if (status.discovery() == null) {
            return List.of();
        }
        List<MediaTarget> targets = new ArrayList<>();
        for (PairResult result : status.discovery().results()) {
            parse(result).ifPresent(targets::add);
        }
        return targets;
    }

    private static Optional<MediaTarget> parse(PairResult result) {
        String target = result.target();
        int colon = target == null ? -1 : target.lastIndexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        try {
            String host = target.substring(0, colon).replace("[", "").replace("]", "");
            return Optional.of(new MediaTarget(
                    result.nodeId(), result.transport(), host, Integer.parseInt(target.substring(colon + 1))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
