package com.roomagent.agent.cli;

import com.roomagent.agent.control.ControlRequest;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code room-agent mute on|off|toggle}: mutes or unmutes the room's microphone through the running
 * agent, on any board. The HAL holds the mute state, so the mute LED, the status and a call's audio
 * follow, as they follow the mute button.
 */
@Command(
        name = "mute",
        description = {
            "Mute or unmute the room's microphone through the running agent (any board): on, off or toggle."
                    + " The mute LED, the status and the call's audio follow, as for the mute button.",
            "Exit status: 0 done; 1 the hardware layer did not apply it; 2 usage; 12 the agent is starting;"
                    + " 15 no agent running; 16"
                    + " permission denied."
        })
final class MuteCommand implements Callable<Integer> {
    @Mixin
    ConfigurationOptions configuration;

    @Parameters(index = "0", paramLabel = "on|off|toggle", description = "Mute, unmute, or switch.")
    String wanted;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String command = switch (wanted.toLowerCase(Locale.ROOT)) {
            case "on" -> ControlRequest.MUTE;
            case "off" -> ControlRequest.UNMUTE;
            case "toggle" -> ControlRequest.MUTE_TOGGLE;
            default -> null;
        };
        if (command == null) {
            spec.commandLine().getErr().println("room-agent: mute takes on, off or toggle, not '" + wanted + "'");
            spec.commandLine().getErr().flush();
            return ExitCodes.USAGE;
        }
        return BoardCommand.drive(configuration, spec, ControlRequest.microphone(command));
    }
}
