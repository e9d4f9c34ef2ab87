package com.roomagent.emulator.admin;

import com.roomagent.protocol.activation.IssuedCode;
import com.roomagent.protocol.discovery.DiscoveryJson;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cloud-emulator issue-code}: asks a running emulator for a new activation code and prints
 * it, formatted, alone on standard output ({@code code=$(bin/cloud-emulator issue-code)}); with
 * {@code --json}, the whole {@link IssuedCode}. Errors go to standard error, exit code 1.
 */
@Command(
        name = "issue-code",
        mixinStandardHelpOptions = true,
        description = "Issues a single-use activation code from a running cloud emulator and prints it.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:code issued", "1:emulator not reachable, or it refused", "2:bad arguments"})
public final class IssueCodeCommand implements Callable<Integer> {
    @Mixin
    private TargetOptions target;

    @Option(
            names = "--organization",
            paramLabel = "ID",
            description = "The organization the device joins. Default: the emulator's (org-demo).")
    private String organization;

    @Option(
            names = "--valid-for",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "How long the code works: 90s, 15m, 24h, 7d or PT24H. Default: 24h.")
    private Duration validFor;

    @Option(
            names = "--json",
            description = "Print the issued code as JSON (activationCode, organizationId," + " expiresAt).")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (target.conflicting()) {
            err.println("cloud-emulator issue-code: use --ready-file or --url, not both");
            err.flush();
            return TargetOptions.EXIT_USAGE;
        }
        IssuedCode issued;
        try {
            issued = AdminClient.of(target.target())
                    .issueCode(Optional.ofNullable(organization), Optional.ofNullable(validFor));
        } catch (AdminClientException e) {
            err.println("cloud-emulator issue-code: " + e.getMessage());
            err.flush();
            return TargetOptions.EXIT_FAILED;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(DiscoveryJson.mapper().writeValueAsString(issued));
        } else {
            out.println(issued.activationCode());
            err.println("activation code for organization " + issued.organizationId() + ", single use, valid until "
                    + issued.expiresAt());
            err.flush();
        }
        out.flush();
        return TargetOptions.EXIT_OK;
    }
}
