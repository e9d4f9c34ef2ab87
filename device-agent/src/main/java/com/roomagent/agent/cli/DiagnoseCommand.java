package com.roomagent.agent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.roomagent.agent.config.AgentConfiguration;
import com.roomagent.agent.config.AgentSettings;
import com.roomagent.agent.config.ConfigurationException;
import com.roomagent.agent.daemon.DiscoveryAssembly;
import com.roomagent.agent.diagnosis.DiagnosisRendering;
import com.roomagent.agent.diagnosis.NetworkDiagnoser;
import com.roomagent.agent.diagnosis.NetworkDiagnosis;
import com.roomagent.agent.discovery.CloudRequestException;
import com.roomagent.agent.discovery.DiscoveryService;
import com.roomagent.agent.discovery.TrustAnchorException;
import com.roomagent.protocol.discovery.DiscoveryJson;
import com.roomagent.protocol.discovery.DiscoveryReport;
import com.roomagent.protocol.discovery.MediaNode;
import com.roomagent.protocol.discovery.NodeKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code room-agent diagnose}: what the network blocks and which firewall change gives media the best
 * path, for the network administrator.
 */
@Command(
        name = "diagnose",
        description = {
            "Run one discovery (or read a report saved by 'discover --output') and say, in plain words or as"
                    + " JSON, what the network blocks and which change gives media the best path.",
            "Exit status: 0 when media has a path, 4 when no node is reachable, 1 when the cloud cannot be"
                    + " reached or the report cannot be read, 3 for a configuration error."
        })
final class DiagnoseCommand implements Callable<Integer> {
    @Mixin
    ConfigurationOptions configuration;

    @Option(names = "--json", description = "Print the diagnosis as JSON.")
    boolean json;

    @Option(
            names = "--report",
            paramLabel = "FILE",
            description = "Diagnose this discovery report (JSON, as 'discover --output' writes it) instead of"
                    + " probing now. Node kinds are then unknown: every node counts as a cloud node.")
    Path report;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AgentConfiguration loaded;
        try {
            loaded = configuration.load();
        } catch (ConfigurationException e) {
            return ExitCodes.configurationError(spec, e);
        }
        boolean proxyConfigured = !loaded.get(AgentSettings.NETWORK_HTTP_PROXY).isBlank();
        ObjectMapper mapper = DiscoveryJson.mapper();
        NetworkDiagnosis diagnosis;
        try {
            if (report != null) {
                DiscoveryReport saved = mapper.readValue(report.toFile(), DiscoveryReport.class);
                diagnosis = NetworkDiagnoser.diagnose(saved, Map.of(), proxyConfigured);
            } else {
                try (DiscoveryService discovery = DiscoveryAssembly.discoveryService(loaded, Clock.systemUTC())) {
                    DiscoveryReport fresh = discovery.discover(DiscoveryService.TRIGGER_MANUAL);
                    Map<String, NodeKind> kinds = discovery.lastNodes().stream()
                            .collect(Collectors.toMap(MediaNode::id, MediaNode::kind, (a, b) -> a));
                    diagnosis = NetworkDiagnoser.diagnose(fresh, kinds, proxyConfigured);
                }
            }
            if (json) {
                out.println(
                        mapper.writerWithDefaultPrettyPrinter().writeValueAsString(DiagnosisRendering.json(diagnosis)));
            } else {
                out.print(DiagnosisRendering.text(diagnosis));
            }
        } catch (TrustAnchorException e) {
            err.println("room-agent: " + e.getMessage());
            return ExitCodes.CONFIGURATION;
        } catch (CloudRequestException e) {
            err.println("room-agent: diagnose: the cloud cannot be reached, so no media node could be probed: "
                    + e.getMessage()
                    + ". Signaling needs outbound HTTPS (TCP 443) to "
                    + loaded.get(AgentSettings.CLOUD_SIGNALING_URL)
                    + ", directly or through the HTTP proxy (network.httpProxy).");
            return ExitCodes.FAILED;
        } catch (IOException e) {
            err.println("room-agent: diagnose: cannot read the report " + report + ": " + e.getMessage()
                    + "; write one with 'room-agent discover --output FILE'.");
            return ExitCodes.FAILED;
        } finally {
            out.flush();
            err.flush();
        }
        return diagnosis.mediaAvailable() ? ExitCodes.OK : DiscoverCommand.NOTHING_REACHABLE;
    }
}
