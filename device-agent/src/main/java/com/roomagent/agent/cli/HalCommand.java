package com.roomagent.agent.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.roomagent.agent.config.AgentConfiguration;
import com.roomagent.agent.config.ConfigurationException;
import com.roomagent.agent.control.ControlJson;
import com.roomagent.agent.control.ControlRequest;
import com.roomagent.agent.control.ControlResponse;
import com.roomagent.hal.profile.BoardProfile;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code room-agent hal}: the room's hardware as the running agent sees it (board, features, lines,
 * cameras and sound cards). Without a running agent, only what the board profile says.
 */
@Command(
        name = "hal",
        description = {
            "Print the room's hardware as the running agent sees it: the board, its features, its GPIO"
                    + " lines and their states, the cameras and sound cards, and which are used.",
            "Without a running agent, prints the configured board profile only (no line states).",
            "Exit status: 0 answered; 3 configuration or board profile broken; 15 no agent running;"
                    + " 16 permission denied."
        })
final class HalCommand implements Callable<Integer> {
    @Mixin
    ConfigurationOptions configuration;

    @Option(
            names = "--json",
            description = "Print the HAL's status as JSON (one line): the control protocol's hal object.")
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
        ControlCall.Outcome outcome = ControlCall.send(ControlCall.client(loaded), ControlRequest.hal(), spec);
        PrintWriter out = spec.commandLine().getOut();
        if (outcome.response().isEmpty()) {
            if (outcome.exitCodeWithoutAnswer() == ExitCodes.AGENT_NOT_RUNNING && !json) {
                printProfile(loaded.boardProfile(), out);
            }
            return outcome.exitCodeWithoutAnswer();
        }
        ControlResponse answer = outcome.response().get();
        if (!answer.ok()) {
            spec.commandLine().getErr().println("room-agent: " + answer.message());
            spec.commandLine().getErr().flush();
            return ExitCodes.forError(answer.error());
        }
        if (json) {
            try {
                out.println(ControlJson.mapper().writeValueAsString(answer.hal()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a JSON tree always serializes", e);
            }
        } else {
            out.print(answer.message());
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The profile's static view: what the board should have, not what it shows. */
    private static void printProfile(BoardProfile profile, PrintWriter out) {
        out.println("board: " + profile.name() + " (" + profile.platform().keyword() + ", profile " + profile.source()
                + ")");
        out.println("video: " + profile.video().encoder().keyword() + ", up to "
                + profile.video().maxWidth() + "x" + profile.video().maxHeight() + "@"
                + profile.video().maxFps());
        out.println("(no agent is running: line states, features and devices are shown by the running agent)");
        out.flush();
    }
}
