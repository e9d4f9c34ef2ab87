package com.roomagent.agent.cli;

import com.roomagent.agent.config.AgentConfiguration;
import com.roomagent.agent.config.AgentSettings;
import com.roomagent.agent.config.ConfigurationException;
import com.roomagent.agent.config.Setting;
import com.roomagent.agent.config.SettingsDocumentation;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prints the effective configuration and where each value comes from, or the settings reference. */
@Command(name = "config", description = "Print the effective configuration, with the layer each value comes from.")
final class ConfigCommand implements Callable<Integer> {
    @Mixin
    ConfigurationOptions configuration;

    @Option(names = "--markdown", description = "Print the settings reference table of docs/configuration.md instead.")
    boolean markdown;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (markdown) {
            out.print(SettingsDocumentation.markdownTable());
            out.flush();
            return ExitCodes.OK;
        }
        AgentConfiguration loaded;
        try {
            loaded = configuration.load();
        } catch (ConfigurationException e) {
            return ExitCodes.configurationError(spec, e);
        }
        for (Setting<?> setting : AgentSettings.ALL) {
            out.printf(
                    "%-34s = %-28s  # %s%n",
                    setting.key(), loaded.describe().get(setting.key()), loaded.sourceOf(setting));
        }
        out.printf(
                "# board profile: %s (%s)%n",
                loaded.boardProfile().name(), loaded.boardProfile().source());
        out.flush();
        return ExitCodes.OK;
    }
}
