package com.roomagent.agent.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.roomagent.agent.config.AgentConfiguration;
import com.roomagent.agent.control.ControlClient;
import com.roomagent.agent.control.ControlClientException;
import com.roomagent.agent.control.ControlJson;
import com.roomagent.agent.control.ControlRequest;
import com.roomagent.agent.control.ControlResponse;
import com.roomagent.agent.daemon.AgentDaemon;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/** One request to the running agent over its control socket, for the CLI commands that talk to it. */
final class ControlCall {
    /** Beyond the agent's own wait for the cloud, for the answer to travel. */
    private static final Duration MARGIN = Duration.ofSeconds(10);

    private ControlCall() {}

    /** The client for the configured socket, waiting long enough for an activation's outcome. */
    static ControlClient client(AgentConfiguration configuration) {
        return new ControlClient(
                configuration.controlSocketPath(),
                AgentDaemon.activationWait(configuration).plus(MARGIN));
    }

    /**
     * What a request got: the agent's answer, or, when it gave none, the exit code for why (the
     * reason is printed).
     */
    record Outcome(Optional<ControlResponse> response, int exitCodeWithoutAnswer) {}

    /** Sends {@code request}; when there is no answer, prints why. */
    static Outcome send(ControlClient client, ControlRequest request, CommandSpec spec) {
        try {
            return new Outcome(Optional.of(client.send(request)), ExitCodes.OK);
        } catch (ControlClientException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("room-agent: " + e.getMessage());
            err.flush();
            int exitCode = switch (e.reason()) {
                case AGENT_NOT_RUNNING -> ExitCodes.AGENT_NOT_RUNNING;
                case PERMISSION_DENIED -> ExitCodes.PERMISSION_DENIED;
                case TIMEOUT -> ExitCodes.TRY_LATER;
                case PROTOCOL -> ExitCodes.FAILED;
            };
            return new Outcome(Optional.empty(), exitCode);
        }
    }

    /**
     * As {@link #send}, for the commands that show the agent's state ({@code status}, {@code
     * report}): a refusal, an answer without any state (every handler busy, a request the agent
     * could not read), is printed as an error with its exit code instead of as a state of nulls.
     */
    static Outcome sendForState(ControlClient client, ControlRequest request, CommandSpec spec) {
        Outcome outcome = send(client, request, spec);
        Optional<ControlResponse> answer = outcome.response();
        if (answer.isEmpty() || answer.get().ok() || answer.get().state() != null) {
            return outcome;
        }
        ControlResponse refusal = answer.get();
        PrintWriter err = spec.commandLine().getErr();
        err.println("room-agent: the agent refused the request (" + refusal.error() + "): " + refusal.message());
        err.flush();
        return new Outcome(Optional.empty(), ExitCodes.forError(refusal.error()));
    }

    static String json(ControlResponse response) {
        try {
            return ControlJson.mapper().writeValueAsString(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a control response always serializes", e);
        }
    }
}
