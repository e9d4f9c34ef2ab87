package com.roomagent.agent.cli;

import com.roomagent.agent.config.AgentConfiguration;
import com.roomagent.agent.config.ConfigurationException;
import com.roomagent.agent.control.ControlClient;
import com.roomagent.agent.control.ControlRequest;
import com.roomagent.agent.control.ControlResponse;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code room-agent upgrade check}: asks the running agent to check the upgrade URL now (R19). */
@Command(
        name = "upgrade",
        description = "Software upgrades (docs/cloud-services.md).",
        subcommands = {UpgradeCommand.Check.class})
final class UpgradeCommand {
    /** The check itself: the agent downloads, verifies and installs a newer image, or says why not. */
    @Command(
            name = "check",
            description = {
                "Ask the running agent to check the upgrade URL now, and install a newer verified image.",
                "Exit status: 0 up to date, installed, or verified; 1 refused (tampered, badly signed, unsigned,"
                        + " downgrade, wrong size) or failed; 15 no agent running."
            })
    static final class Check implements Callable<Integer> {
        /** A download may be long: wait for it, within reason. */
        private static final Duration WAIT = Duration.ofMinutes(35);

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
            ControlCall.Outcome outcome = ControlCall.send(
                    new ControlClient(loaded.controlSocketPath(), WAIT), ControlRequest.upgradeCheck(), spec);
            if (outcome.response().isEmpty()) {
                return outcome.exitCodeWithoutAnswer();
            }
            ControlResponse answer = outcome.response().get();
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (json) {
                out.println(ControlCall.json(answer));
            } else if (answer.ok()) {
                out.println(answer.message());
            } else {
                err.println("room-agent: upgrade " + answer.error() + ": " + answer.message());
            }
            out.flush();
            err.flush();
            return answer.ok() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }
}
