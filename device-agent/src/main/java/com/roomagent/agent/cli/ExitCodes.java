package com.roomagent.agent.cli;

import com.roomagent.agent.config.ConfigurationException;
import picocli.CommandLine.Model.CommandSpec;

/** The exit codes of {@code room-agent}, documented in docs/cli.md. */
final class ExitCodes {
    private ExitCodes() {}

    static final int OK = 0;
    /** The command ran and failed: the cloud is unreachable, a probe found nothing, and so on. */
    static final int FAILED = 1;
    /** The command line is wrong (picocli's own code for usage errors). */
    static final int USAGE = 2;
    /** The configuration is broken; the message names the file and the key. */
    static final int CONFIGURATION = 3;

    static int configurationError(CommandSpec spec, ConfigurationException error) {
        spec.commandLine().getErr().println("room-agent: configuration error: " + error.getMessage());
        spec.commandLine().getErr().flush();
        return CONFIGURATION;
    }
}
