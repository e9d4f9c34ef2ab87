package com.roomagent.agent.cli;

import com.roomagent.agent.config.AgentConfiguration;
import com.roomagent.agent.config.ConfigurationException;
import com.roomagent.agent.control.ControlRequest;
import com.roomagent.agent.control.ControlResponse;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code room-agent board ...}: moves the emulated board's controls as a person would (the mute
 * button, the privacy shutter, the light on the sensor), through the running agent's control
 * socket. For tests, the demo and firmware CI; a real board refuses.
 */
@Command(
        name = "board",
        description = {
            "Drive the emulated board through the running agent, as a person would: press the mute"
                    + " button, close or open the privacy shutter, set the ambient light.",
            "Exit status: 0 done; 1 refused (a real board, or a device the profile lacks); 15 no agent"
                    + " running; 16 permission denied."
        },
        subcommands = {BoardCommand.PressMute.class, BoardCommand.Shutter.class, BoardCommand.AmbientLight.class})
final class BoardCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** Sends one board request and prints what the agent says. */
    static int drive(ConfigurationOptions configuration, CommandSpec spec, ControlRequest request) {
        AgentConfiguration loaded;
        try {
            loaded = configuration.load();
        } catch (ConfigurationException e) {
            return ExitCodes.configurationError(spec, e);
        }
        ControlCall.Outcome outcome = ControlCall.send(ControlCall.client(loaded), request, spec);
        if (outcome.response().isEmpty()) {
            return outcome.exitCodeWithoutAnswer();
        }
        ControlResponse answer = outcome.response().get();
        if (!answer.ok()) {
            spec.commandLine().getErr().println("room-agent: " + answer.message());
            spec.commandLine().getErr().flush();
            return ExitCodes.forError(answer.error());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(answer.message());
        out.flush();
        return ExitCodes.OK;
    }

    @Command(name = "press-mute", description = "Press the mute button once (down, then up).")
    static final class PressMute implements Callable<Integer> {
        @Mixin
        ConfigurationOptions configuration;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return drive(configuration, spec, ControlRequest.boardPressMute());
        }
    }

    @Command(name = "shutter", description = "Close or open the privacy shutter.")
    static final class Shutter implements Callable<Integer> {
        @Mixin
        ConfigurationOptions configuration;

        @Parameters(index = "0", paramLabel = "open|closed", description = "Where the shutter goes.")
        String position;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            String wanted = position.toLowerCase(Locale.ROOT);
            if (!wanted.equals("open") && !wanted.equals("closed")) {
                spec.commandLine()
                        .getErr()
                        .println("room-agent: board shutter takes open or closed, not '" + position + "'");
                spec.commandLine().getErr().flush();
                return ExitCodes.USAGE;
            }
            return drive(configuration, spec, ControlRequest.boardShutter(wanted.equals("closed")));
        }
    }

    @Command(name = "ambient-light", description = "Set the light falling on the emulated sensor.")
    static final class AmbientLight implements Callable<Integer> {
        @Mixin
        ConfigurationOptions configuration;

        @Parameters(index = "0", paramLabel = "LUX", description = "The light in lux (0 to 83865.6).")
        double lux;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return drive(configuration, spec, ControlRequest.boardAmbientLight(lux));
        }
    }
}
