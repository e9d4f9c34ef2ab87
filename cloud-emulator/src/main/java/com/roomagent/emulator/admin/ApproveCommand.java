package com.roomagent.emulator.admin;

import com.roomagent.emulator.provisioning.AdminMessages;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cloud-emulator approve SHORTCODE}: approves the pairing a device shows, on a running
 * emulator. Prints the device id it received; errors go to standard error, exit code 1.
 */
@Command(
        name = "approve",
        mixinStandardHelpOptions = true,
        description = "Approves a device's pairing on a running cloud emulator.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:approved", "1:emulator not reachable, or no such pending pairing", "2:bad arguments"})
public final class ApproveCommand implements Callable<Integer> {
    @Parameters(
            paramLabel = "SHORTCODE",
            description = "The short code the device shows, such as ABCD-EFGH (any case, dash optional).")
    private String shortCode;

    @Mixin
    private TargetOptions target;

    @Option(
            names = "--organization",
            paramLabel = "ID",
            description = "The organization the device joins. Default: the emulator's (org-demo).")
    private String organization;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (target.conflicting()) {
            err.println("cloud-emulator approve: use --ready-file or --url, not both");
            err.flush();
            return TargetOptions.EXIT_USAGE;
        }
        AdminMessages.PairingApproval approval;
        try {
            approval = AdminClient.of(target.target()).approve(shortCode, Optional.ofNullable(organization));
        } catch (AdminClientException e) {
            err.println("cloud-emulator approve: " + e.getMessage());
            err.flush();
            return TargetOptions.EXIT_FAILED;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("approved " + approval.shortCode() + ": device "
                + approval.device().deviceId() + " in organization "
                + approval.device().organizationId());
        out.flush();
        return TargetOptions.EXIT_OK;
    }
}
