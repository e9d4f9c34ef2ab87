package com.roomagent.agent.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.roomagent.agent.config.AgentConfiguration;
import com.roomagent.agent.config.ConfigurationException;
import com.roomagent.agent.daemon.DiscoveryAssembly;
import com.roomagent.agent.discovery.ProbeSettings;
import com.roomagent.agent.discovery.StunProbe;
import com.roomagent.agent.discovery.TrustAnchorException;
import com.roomagent.agent.discovery.TrustAnchors;
import com.roomagent.protocol.discovery.DiscoveryJson;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.discovery.PairResult;
import com.roomagent.protocol.framing.StreamFraming;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code room-agent probe}: STUN binding requests to any STUN server, for an administrator. */
@Command(
        name = "probe",
        description = {
            "Send STUN binding requests to any STUN server and print the round-trip time and the mapped"
                    + " address it saw.",
            "Exit status: 0 when the server answered, 1 when it did not (the reason is printed)."
        })
final class ProbeCommand implements Callable<Integer> {
    enum Protocol {
        udp,
        tcp,
        tls
    }

    enum Framing {
        plain,
        rfc4571
    }

    @Mixin
    ConfigurationOptions configuration;

    @Parameters(
            index = "0",
            paramLabel = "HOST:PORT",
            description = "The STUN server, e.g. 192.0.2.10:3478 or [2001:db8::1]:3478.")
    String target;

    @Option(names = "--protocol", defaultValue = "udp", description = "udp, tcp or tls (default: ${DEFAULT-VALUE}).")
    Protocol protocol;

    @Option(
            names = "--framing",
            defaultValue = "plain",
            description = "On TCP and TLS: plain RFC 5389 STUN (coturn and other STUN servers), or rfc4571 for"
                    + " Room Agent media nodes (default: ${DEFAULT-VALUE}).")
    Framing framing;

    @Option(
            names = "--samples",
            paramLabel = "N",
            description = "Binding requests to send (default: discovery.samplesPerPair).")
    Integer samples;

    @Option(
            names = "--trust",
            paramLabel = "PEM",
            description = "For TLS: certificate authorities to trust (default: cloud.trustAnchors, else the system's).")
    Path trust;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        InetSocketAddress address;
        try {
            address = HostAndPort.parse(target);
        } catch (IllegalArgumentException e) {
            err.println("room-agent: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        AgentConfiguration loaded;
        ProbeSettings settings;
        SSLContext tls;
        try {
            loaded = configuration.load();
            ProbeSettings.Builder builder = DiscoveryAssembly.probeSettings(loaded).toBuilder();
            if (samples != null) {
                builder.samplesPerPair(samples);
            }
            settings = builder.build();
            tls = protocol != Protocol.tls
                    ? null
                    : trust != null ? TrustAnchors.sslContextTrusting(trust) : DiscoveryAssembly.cloudTrust(loaded);
        } catch (ConfigurationException e) {
            return ExitCodes.configurationError(spec, e);
        } catch (TrustAnchorException e) {
            err.println("room-agent: " + e.getMessage());
            err.flush();
            // --trust is part of the command line; cloud.trustAnchors is configuration.
            return trust != null ? ExitCodes.USAGE : ExitCodes.CONFIGURATION;
        } catch (IllegalArgumentException e) {
            err.println("room-agent: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }

        PairResult result = StunProbe.probe(
                address,
                MediaTransport.Protocol.valueOf(protocol.name().toUpperCase(Locale.ROOT)),
                framing == Framing.rfc4571 ? StreamFraming.RFC4571 : StreamFraming.PLAIN_STUN,
                tls,
                settings);
        if (json) {
            try {
                out.println(DiscoveryJson.mapper().writeValueAsString(result));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a probe result is always serializable", e);
            }
        } else {
            out.println(describe(result));
        }
        out.flush();
        return result.reachable() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private String describe(PairResult result) {
        String where = protocol + " " + result.target();
        if (!result.reachable()) {
            return where + ": unreachable (" + result.failure().id() + ")"
                    + (result.detail() == null ? "" : ": " + result.detail());
        }
        String samplesText = result.rttSamplesMillis().stream()
                .map(rtt -> String.format(Locale.ROOT, "%.2f", rtt))
                .collect(Collectors.joining(", "));
        return String.format(
                Locale.ROOT,
                "%s: reachable, median RTT %.2f ms over %d of %d samples (%s ms), mapped address %s",
                where,
                result.medianRttMillis(),
                result.rttSamplesMillis().size(),
                result.samplesSent(),
                samplesText,
                result.mappedAddress());
    }
}
