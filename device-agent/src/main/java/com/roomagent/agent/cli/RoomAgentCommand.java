package com.roomagent.agent.cli;

import com.roomagent.agent.proxy.ProxyTunneling;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** {@code room-agent}: the agent's command line, the entry point of the runnable jar. */
@Command(
        name = "room-agent",
        mixinStandardHelpOptions = true,
        version = "room-agent 0.1.0",
        description = "The headless agent of a video-conference room device.",
        subcommands = {
            RunCommand.class,
            ActivateCommand.class,
            StatusCommand.class,
            ReportCommand.class,
            HalCommand.class,
            BoardCommand.class,
            MuteCommand.class,
            MeetingCommand.class,
            FactoryResetCommand.class,
            DiscoverCommand.class,
            DiagnoseCommand.class,
            ProbeCommand.class,
            ConfigCommand.class,
            UrlsCommand.class,
            UpgradeCommand.class,
            HelpCommand.class
        })
public final class RoomAgentCommand {
    private RoomAgentCommand() {}

    public static void main(String[] args) {
        configureLogging(args);
        // Before any HTTP client exists: the JDK reads this switch once (docs/proxy.md).
        ProxyTunneling.allowBasic();
        int exitCode = new CommandLine(new RoomAgentCommand()).execute(args);
        System.exit(exitCode);
    }

    /**
     * The daemon logs every event; one-shot commands print their answer on standard output and log
     * only warnings, unless asked with {@code -v}. Must run before the first logger is created,
     * because slf4j-simple reads its level once.
     */
    private static void configureLogging(String[] args) {
        boolean daemon = Arrays.asList(args).contains("run");
        boolean verbose =
                Arrays.asList(args).contains("-v") || Arrays.asList(args).contains("--verbose");
        String level = verbose ? "debug" : daemon ? "info" : "warn";
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
        }
    }
}
