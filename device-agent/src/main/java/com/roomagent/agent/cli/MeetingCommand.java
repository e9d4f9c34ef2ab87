package com.roomagent.agent.cli;

import com.roomagent.agent.control.ControlRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code room-agent meeting join ID} and {@code room-agent meeting leave}: the room joins or leaves
 * a meeting through the running agent, over signaling (docs/signaling.md, "Meetings"). The join
 * returns at once; {@code room-agent status} follows the meeting from waiting to media.
 */
@Command(
        name = "meeting",
        description = {
            "Join or leave a meeting through the running agent. The cloud answers over the event channel:"
                    + " the room waits for the other room, then the media path opens on the node the cloud"
                    + " assigned. `room-agent status` shows the meeting.",
            "Exit status: 0 done; 1 refused (already in a meeting, in none, not provisioned, bad meeting id);"
                    + " 2 usage; 12 the agent is starting; 15 no agent running; 16 permission denied."
        },
        subcommands = {MeetingCommand.Join.class, MeetingCommand.Leave.class})
final class MeetingCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("room-agent: meeting needs join ID or leave");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    @Command(name = "join", description = "Join meeting ID (1 to 64 letters, digits, '.', '_' or '-').")
    static final class Join implements Callable<Integer> {
        @Mixin
        ConfigurationOptions configuration;

        @Parameters(index = "0", paramLabel = "ID", description = "The meeting to join.")
        String meetingId;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return BoardCommand.drive(configuration, spec, ControlRequest.meetingJoin(meetingId));
        }
    }

    @Command(name = "leave", description = "Leave the room's meeting: the media ends and the other room is told.")
    static final class Leave implements Callable<Integer> {
        @Mixin
        ConfigurationOptions configuration;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return BoardCommand.drive(configuration, spec, ControlRequest.meetingLeave());
        }
    }
}
