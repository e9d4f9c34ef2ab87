package com.roomagent.agent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.roomagent.agent.config.AgentConfiguration;
import com.roomagent.agent.config.AgentSettings;
import com.roomagent.agent.config.ConfigurationException;
import com.roomagent.agent.daemon.DiscoveryAssembly;
import com.roomagent.agent.discovery.CloudRequestException;
import com.roomagent.agent.discovery.DiscoveryService;
import com.roomagent.agent.discovery.DiscoveryTable;
import com.roomagent.agent.discovery.TrustAnchorException;
import com.roomagent.protocol.discovery.DiscoveryJson;
import com.roomagent.protocol.discovery.DiscoveryReport;
import com.roomagent.protocol.discovery.PairResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code room-agent discover}: one discovery against the configured cloud, printed for people or as JSON. */
@Command(
        name = "discover",
        description = {
            "Fetch the media node list from the configured cloud, probe every node over UDP, TCP, TLS and"
                    + " the last-resort UDP port with STUN, report the results to the cloud and print them.",
            "Exit status: 0 when at least one node is reachable, 4 when none is, 1 when the cloud cannot"
                    + " be reached, 3 for a configuration error."
        })
final class DiscoverCommand implements Callable<Integer> {
    /** No node answered over any transport: media is unavailable. */
    static final int NOTHING_REACHABLE = 4;

    @Mixin
    ConfigurationOptions configuration;

    @Option(names = "--json", description = "Print the report as JSON instead of a table.")
    boolean json;

    @Option(names = "--output", paramLabel = "FILE", description = "Also write the JSON report to FILE (atomically).")
    Path output;

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
        DiscoveryReport report;
        try (DiscoveryService discovery = DiscoveryAssembly.discoveryService(loaded, Clock.systemUTC())) {
            report = discovery.discover(DiscoveryService.TRIGGER_MANUAL);
            ObjectMapper mapper = DiscoveryJson.mapper();
            String reportJson = mapper.writeValueAsString(report);
            if (output != null) {
                AtomicWrite.write(output, reportJson + "\n");
            }
            if (json) {
                out.println(reportJson);
            } else {
                out.print(DiscoveryTable.render(report, discovery.lastNodes()));
                out.printf(
                        "Probed %d pairs in %d ms; reported to %s%n",
                        report.results().size(),
                        report.durationMillis(),
                        loaded.get(AgentSettings.CLOUD_SIGNALING_URL));
            }
        } catch (TrustAnchorException e) {
            err.println("room-agent: " + e.getMessage());
            return ExitCodes.CONFIGURATION;
        } catch (CloudRequestException e) {
            err.println("room-agent: discovery failed: " + e.getMessage());
            return ExitCodes.FAILED;
        } catch (IOException e) {
            err.println("room-agent: cannot write the report: " + e.getMessage());
            return ExitCodes.FAILED;
        } finally {
            out.flush();
            err.flush();
        }
        boolean anyReachable = report.results().stream().anyMatch(PairResult::reachable);
        if (!anyReachable) {
            err.println("room-agent: no media node is reachable over any transport; media is unavailable."
                    + " See the reasons above; docs/discovery.md says what to open in the firewall.");
            err.flush();
            return NOTHING_REACHABLE;
        }
        return ExitCodes.OK;
    }
}
