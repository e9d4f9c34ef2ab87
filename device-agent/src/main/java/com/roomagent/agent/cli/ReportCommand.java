package com.roomagent.agent.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.roomagent.agent.config.AgentConfiguration;
import com.roomagent.agent.config.ConfigurationException;
import com.roomagent.agent.control.ControlJson;
import com.roomagent.agent.control.ControlRequest;
import com.roomagent.agent.control.ControlResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code room-agent report}: the running agent's state as one JSON document with a section per
 * subsystem, for firmware CI and the demo. Each later subsystem adds its section here.
 */
@Command(
        name = "report",
        description = {
            "Write the running agent's report: one JSON document with a section per subsystem"
                    + " (provisioning, registration, discovery, hal, call, meeting, media).",
            "Exit status: 0 written; 1 the file cannot be written; 15 no agent running; 16 permission denied."
        })
final class ReportCommand implements Callable<Integer> {
    @Mixin
    ConfigurationOptions configuration;

    @Option(
            names = "--output",
            paramLabel = "FILE",
            description = "Write the report to FILE (atomically) instead of standard output.")
    Path output;

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
        ControlCall.Outcome outcome =
                ControlCall.sendForState(ControlCall.client(loaded), ControlRequest.status(), spec);
        if (outcome.response().isEmpty()) {
            return outcome.exitCodeWithoutAnswer();
        }
        String report;
        try {
            report = render(outcome.response().get(), Instant.now());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the agent's status is always serializable", e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output == null) {
            out.println(report);
            out.flush();
            return ExitCodes.OK;
        }
        try {
            AtomicWrite.write(output, report + "\n");
        } catch (IOException e) {
            spec.commandLine()
                    .getErr()
                    .println("room-agent: cannot write the report to " + output + ": " + e.getMessage());
            spec.commandLine().getErr().flush();
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    /**
     * The report: {@code generatedAt}, then {@code provisioning}, {@code registration} (state,
     * registration id, event channel URL, connected since, reconnects, last event seq; null before
     * provisioning), {@code discovery} and {@code hal} sections (the HAL's status: board, features,
     * lines, devices; null before the board is open), {@code call} (the active call's media and
     * its statistics per stream; null without a call), {@code meeting} (the room's meeting: phase,
     * node, join to media; null outside a meeting) and {@code media} (the meeting's flow at a glance:
     * node, transport, addresses, RTT, keepalive, time to media, failovers, far-end frames decoded;
     * null without a call).
     */
    static String render(ControlResponse status, Instant generatedAt) throws JsonProcessingException {
        ObjectMapper mapper = ControlJson.mapper();
        ObjectNode report = mapper.createObjectNode();
        report.put("generatedAt", generatedAt.toString());
        ObjectNode provisioning = report.putObject("provisioning");
        provisioning.put("state", status.state());
        provisioning.set("deviceId", mapper.valueToTree(status.deviceId()));
        provisioning.set("organizationId", mapper.valueToTree(status.organizationId()));
        provisioning.set("provisionedAt", mapper.valueToTree(status.provisionedAt()));
        provisioning.set("pairing", mapper.valueToTree(status.pairing()));
        provisioning.set("lastFailure", mapper.valueToTree(status.lastFailure()));
        report.set("registration", mapper.valueToTree(status.registration()));
        report.set("discovery", mapper.valueToTree(status.discovery()));
        report.set("hal", status.hal() == null ? mapper.nullNode() : status.hal());
        report.set("call", status.call() == null ? mapper.nullNode() : status.call());
        report.set("meeting", status.meeting() == null ? mapper.nullNode() : status.meeting());
        report.set("media", media(status, mapper));
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(report);
    }

    /** The meeting's flow at a glance, from the {@code meeting} and {@code call} sections. */
    private static JsonNode media(ControlResponse status, ObjectMapper mapper) {
        JsonNode call = status.call();
        if (call == null) {
            return mapper.nullNode();
        }
        ObjectNode media = mapper.createObjectNode();
        JsonNode meeting = status.meeting() == null ? mapper.createObjectNode() : status.meeting();
        JsonNode path = call.path("path");
        media.set("meetingId", call.path("callId"));
        media.set("phase", meeting.path("phase").isMissingNode() ? mapper.nullNode() : meeting.path("phase"));
        for (String field : List.of(
                "node",
                "transport",
                "localAddress",
                "mappedAddress",
                "remoteAddress",
                "rttMs",
                "keepalive",
                "timeToMediaMs",
                "failovers")) {
            media.set(field, path.path(field).isMissingNode() ? mapper.nullNode() : path.path(field));
        }
        media.set(
                "joinToMediaMs",
                meeting.path("joinToMediaMs").isMissingNode() ? mapper.nullNode() : meeting.path("joinToMediaMs"));
        media.set("videoFramesDecoded", call.path("received").path("videoFrames"));
        media.set("audioLevelDb", call.path("received").path("audioLevelDb"));
        media.set("videoFormat", call.path("videoFormat"));
        return media;
    }
}
