package com.roomagent.agent.cli;

import com.roomagent.agent.config.AgentConfiguration;
import com.roomagent.agent.config.ConfigurationException;
import com.roomagent.agent.control.ControlRequest;
import com.roomagent.agent.control.ControlResponse;
import com.roomagent.agent.provisioning.EnrollmentException;
import com.roomagent.protocol.activation.ActivationCode;
import com.roomagent.protocol.activation.ActivationCodeException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code room-agent activate CODE}: checks the code's format and check digits here, then hands it
 * to the running agent over the control socket and prints the outcome.
 */
@Command(
        name = "activate",
        description = {
            "Provision this device with an activation code: the code is checked here first (a typing error"
                    + " is reported without contacting anything), then sent to the running agent over its"
                    + " control socket, which enrolls with the cloud.",
            "Exit status: 0 activated; 10 the code is mistyped; 11 the cloud refused it (unknown, used,"
                    + " expired); 12 try later; 13 the cloud is unreachable; 14 certificate or clock problem;"
                    + " 15 no agent running; 16 permission denied; 17 already provisioned (docs/cli.md)."
        })
final class ActivateCommand implements Callable<Integer> {
    @Mixin
    ConfigurationOptions configuration;

    @Parameters(
            index = "0",
            paramLabel = "CODE",
            description = "The activation code: 16 digits, spaces and dashes allowed (quote it if it has spaces).")
    String code;

    @Option(names = "--json", description = "Print the agent's answer as JSON (one line).")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ActivationCode parsed;
        try {
            parsed = ActivationCode.parse(code);
        } catch (ActivationCodeException e) {
            err.println("room-agent: activation failed (" + failureOf(e).id() + "): The activation code is wrong: "
                    + e.getMessage() + ". Nothing was sent.");
            err.flush();
            return ExitCodes.CODE_WRONG;
        }
        AgentConfiguration loaded;
        try {
            loaded = configuration.load();
        } catch (ConfigurationException e) {
            return ExitCodes.configurationError(spec, e);
        }
        ControlCall.Outcome outcome =
                ControlCall.send(ControlCall.client(loaded), ControlRequest.activate(parsed.formatted()), spec);
        if (outcome.response().isEmpty()) {
            return outcome.exitCodeWithoutAnswer();
        }
        ControlResponse answer = outcome.response().get();
        if (json) {
            out.println(ControlCall.json(answer));
        } else if (answer.ok()) {
            out.println(answer.message());
        } else {
            err.println("room-agent: activation failed (" + answer.error() + "): " + answer.message()
                    + (answer.retryInSeconds() == null
                            ? ""
                            : " The agent tries again by itself in " + answer.retryInSeconds() + " s."));
        }
        out.flush();
        err.flush();
        return answer.ok() ? ExitCodes.OK : ExitCodes.forError(answer.error());
    }

    private static EnrollmentException.Failure failureOf(ActivationCodeException error) {
        return error.reason() == ActivationCodeException.Reason.CHECK_DIGIT
                ? EnrollmentException.Failure.CHECK_DIGIT
                : EnrollmentException.Failure.MALFORMED_CODE;
    }
}
