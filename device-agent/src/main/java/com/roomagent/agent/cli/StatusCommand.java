package com.roomagent.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.roomagent.agent.config.AgentConfiguration;
import com.roomagent.agent.config.AgentSettings;
import com.roomagent.agent.config.ConfigurationException;
import com.roomagent.agent.control.ControlRequest;
import com.roomagent.agent.control.ControlResponse;
import com.roomagent.agent.diagnosis.MediaPath;
import com.roomagent.agent.diagnosis.NetworkDiagnoser;
import com.roomagent.agent.diagnosis.NetworkDiagnosis;
import com.roomagent.agent.signaling.SignalingStatus;
import com.roomagent.protocol.discovery.DiscoveryReport;
import com.roomagent.protocol.discovery.PairResult;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code room-agent status}: the running agent's state, over the control socket. */
@Command(
        name = "status",
        description = {
            "Ask the running agent where it stands: provisioning state, identity, the pairing code on the"
                    + " display, the last failure, registration with the cloud, the latest discovery, the meeting and the call's media.",
            "Exit status: 0 answered; 15 no agent running; 16 permission denied."
        })
final class StatusCommand implements Callable<Integer> {
    @Mixin
    ConfigurationOptions configuration;

    @Option(names = "--json", description = "Print the agent's answer as JSON (one line).")
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
        ControlCall.Outcome outcome =
                ControlCall.sendForState(ControlCall.client(loaded), ControlRequest.status(), spec);
        if (outcome.response().isEmpty()) {
            return outcome.exitCodeWithoutAnswer();
        }
        ControlResponse answer = outcome.response().get();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(ControlCall.json(answer));
        } else {
            print(answer, out, !loaded.get(AgentSettings.NETWORK_HTTP_PROXY).isBlank());
        }
        out.flush();
        return answer.ok() ? ExitCodes.OK : ExitCodes.forError(answer.error());
    }

    private static String describe(SignalingStatus registration) {
        return switch (registration.state()) {
            case "registered" ->
                "registered as " + registration.registrationId() + ", event channel "
                        + registration.eventChannelUrl() + " open since " + registration.connectedSince() + " ("
                        + registration.reconnects() + " reconnects, last event " + registration.lastEventSeq() + ")";
            case "reconnecting", "failed" ->
                registration.state() + ": " + registration.cause() + "; next attempt at "
                        + registration.nextAttemptAt();
            default -> registration.state();
        };
    }

    /**
     * The media path the latest discovery gives, or why there is none (R4, R5: with only an HTTP
     * proxy out, the device registers but media is unavailable, and says so here).
     */
    static String bestPathLine(DiscoveryReport report, boolean proxyConfigured) {
        NetworkDiagnosis diagnosis = NetworkDiagnoser.diagnose(report, Map.of(), proxyConfigured);
        if (diagnosis.bestPath().isPresent()) {
            MediaPath best = diagnosis.bestPath().get();
            return String.format(
                    Locale.ROOT,
                    "Best path:    %s over %s (%s, %.1f ms)",
                    best.nodeId(),
                    best.transport().id(),
                    best.target(),
                    best.medianRttMillis());
        }
        String why = diagnosis.findings().isEmpty()
                ? "no media node answered over any transport"
                : diagnosis.findings().get(diagnosis.findings().size() - 1).text();
        return "Best path:    unavailable: " + why + " `room-agent diagnose` says what to change.";
    }

    private static void print(ControlResponse answer, PrintWriter out, boolean proxyConfigured) {
        out.println("State:        " + answer.state());
        if (answer.deviceId() != null) {
            out.println("Device:       " + answer.deviceId() + " of organization " + answer.organizationId());
            out.println("Provisioned:  " + answer.provisionedAt());
        }
        if (answer.pairing() != null) {
            out.println("Pairing code: " + answer.pairing().shortCode() + " (valid until "
                    + answer.pairing().expiresAt() + "); scan the QR code on the display or open "
                    + answer.pairing().pairingUri());
        }
        if (answer.lastFailure() != null) {
            out.println("Last failure: " + answer.lastFailure().error() + " at "
                    + answer.lastFailure().at() + ": " + answer.lastFailure().message());
        }
        SignalingStatus registration = answer.registration();
        if (registration != null) {
            out.println("Registration: " + describe(registration));
        }
        DiscoveryReport report = answer.discovery();
        if (report != null) {
            long reachable =
                    report.results().stream().filter(PairResult::reachable).count();
            out.println("Discovery:    " + reachable + " of " + report.results().size() + " node/transport pairs"
                    + " reachable, probed at " + report.startedAt() + " (" + report.trigger() + ")");
            out.println(bestPathLine(report, proxyConfigured));
        } else if (answer.deviceId() != null) {
            out.println("Discovery:    no fresh report yet");
        }
        JsonNode hal = answer.hal();
        if (hal != null) {
            out.println("Board:        " + hal.path("board").asText() + " ("
                    + hal.path("platform").asText() + "): "
                    + (hal.path("microphoneMuted").asBoolean() ? "microphone muted" : "microphone live") + ", "
                    + hal.path("video").path("text").asText() + "; `room-agent hal` shows more");
        }
        JsonNode meeting = answer.meeting();
        if (meeting != null) {
            out.println("Meeting:      " + meeting.path("meetingId").asText() + " ("
                    + meeting.path("phase").asText() + ")"
                    + (meeting.path("node").isTextual()
                            ? " on node " + meeting.path("node").asText()
                            : "")
                    + (meeting.path("joinToMediaMs").isNumber()
                            ? ", join to media " + meeting.path("joinToMediaMs").asLong() + " ms"
                            : "")
                    + ": " + meeting.path("detail").asText());
        }
        JsonNode call = answer.call();
        if (call != null) {
            out.println("Call:         " + call.path("callId").asText() + " ("
                    + call.path("state").asText()
                    + ", " + call.path("transport").asText() + "): "
                    + (call.path("microphoneMuted").asBoolean() ? "microphone muted" : "microphone live") + ", "
                    + call.path("video").path("text").asText());
            JsonNode audio = call.path("audio");
            if (audio.isObject()) {
                out.println("              " + audio.path("text").asText() + "; "
                        + audio.path("playbackText").asText());
            }
            for (JsonNode stream : call.path("streams")) {
                out.println(String.format(
                        java.util.Locale.ROOT,
                        "              %s %s: %d packets, %.0f kbit/s, lost %d (%.1f %%), jitter %.1f ms%s",
                        stream.path("kind").asText(),
                        stream.path("direction").asText(),
                        stream.path("packets").asLong(),
                        stream.path("bitrateKbps").asDouble(),
                        stream.path("packetsLost").asLong(),
                        stream.path("fractionLost").asDouble() * 100,
                        stream.path("jitterMs").asDouble(),
                        stream.path("roundTripMs").isNumber()
                                ? String.format(
                                        java.util.Locale.ROOT,
                                        ", rtt %.0f ms",
                                        stream.path("roundTripMs").asDouble())
                                : ""));
            }
            JsonNode path = call.path("path");
            if (path.isObject()) {
                out.println("Media path:   " + path.path("node").asText() + " "
                        + path.path("transport").asText("-") + " "
                        + path.path("remoteAddress").asText("-")
                        + " (" + pathState(path) + "), keepalive "
                        + path.path("keepalive").asText("-")
                        + (path.path("rttMs").isNumber()
                                ? String.format(
                                        java.util.Locale.ROOT,
                                        ", rtt %.1f ms",
                                        path.path("rttMs").asDouble())
                                : "")
                        + (path.path("timeToMediaMs").isNumber()
                                ? ", time to media "
                                        + path.path("timeToMediaMs").asLong() + " ms"
                                : ", no media yet"));
                for (JsonNode failover : path.path("failovers")) {
                    out.println("              failover " + failover.path("at").asText() + ": "
                            + failover.path("from").asText() + " -> "
                            + failover.path("to").asText("none") + " ("
                            + failover.path("cause").asText() + ")"
                            + (failover.path("gapMs").isNumber()
                                    ? ", media gap " + failover.path("gapMs").asLong() + " ms"
                                    : ""));
                }
            }
        }
        if (!answer.ok()) {
            out.println("Error:        " + answer.error() + ": " + answer.message());
        }
    }

    /** {@code up}, or {@code unavailable, next attempt in 4 s (cause)} (docs/media-path.md). */
    static String pathState(JsonNode path) {
        JsonNode unavailable = path.path("unavailable");
        if (!unavailable.isObject()) {
            return path.path("state").asText();
        }
        long inMs = unavailable.path("nextAttemptInMs").asLong();
        String when = "unavailable".equals(path.path("state").asText()) && inMs > 0
                ? "next attempt in " + (inMs + 999) / 1000 + " s"
                : "retrying now";
        return "unavailable, " + when + " (" + unavailable.path("cause").asText() + ")";
    }
}
