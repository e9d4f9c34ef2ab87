package com.roomagent.agent.cli;

import com.roomagent.agent.config.AgentConfiguration;
import com.roomagent.agent.config.ConfigurationException;
import com.roomagent.agent.control.ControlClientException;
import com.roomagent.agent.control.ControlRequest;
import com.roomagent.agent.control.ControlResponse;
import com.roomagent.provisioning.identity.IdentityStore;
import com.roomagent.provisioning.identity.IdentityStoreException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code room-agent factory-reset --yes}: wipes the device's identity and provisioned settings.
 * Through the running agent when there is one (it stops discovery and provisions again at once),
 * else directly in the state directory.
 */
@Command(
        name = "factory-reset",
        description = {
            "Wipe this device's identity (private key, certificate) and provisioned settings and return it"
                    + " to provisioning. Needs --yes. Goes through the running agent when one answers on the"
                    + " control socket, else works on the state directory directly.",
            "Exit status: 0 done; 1 the reset did not finish (the message says what is left); 2 without"
                    + " --yes; 16 permission denied."
        })
final class FactoryResetCommand implements Callable<Integer> {
    @Mixin
    ConfigurationOptions configuration;

    @Option(names = "--yes", description = "Confirm: the device loses its identity and needs a new activation.")
    boolean yes;

    @Option(names = "--json", description = "Print the agent's answer as JSON (one line).")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!yes) {
            err.println("room-agent: factory-reset wipes this device's identity and provisioned settings; the device"
                    + " then needs a new activation code or pairing. Run it again with --yes to confirm.");
            err.flush();
            return ExitCodes.USAGE;
        }
        AgentConfiguration loaded;
        try {
            loaded = configuration.load();
        } catch (ConfigurationException e) {
            return ExitCodes.configurationError(spec, e);
        }
        ControlResponse answer;
        try {
            answer = ControlCall.client(loaded).send(ControlRequest.factoryReset());
        } catch (ControlClientException e) {
            if (e.reason() != ControlClientException.Reason.AGENT_NOT_RUNNING) {
                err.println("room-agent: " + e.getMessage());
                err.flush();
                return e.reason() == ControlClientException.Reason.PERMISSION_DENIED
                        ? ExitCodes.PERMISSION_DENIED
                        : ExitCodes.FAILED;
            }
            return resetWithoutAgent(loaded, out, err);
        }
        if (json) {
            out.println(ControlCall.json(answer));
        } else if (answer.ok()) {
            out.println(answer.message());
        } else {
            err.println("room-agent: factory reset failed (" + answer.error() + "): " + answer.message());
        }
        out.flush();
        err.flush();
        return answer.ok() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static int resetWithoutAgent(AgentConfiguration loaded, PrintWriter out, PrintWriter err) {
        try {
            new IdentityStore(loaded.stateDirectory()).factoryReset();
        } catch (IdentityStoreException e) {
            err.println("room-agent: factory reset did not finish: " + e.getMessage());
            err.flush();
            return ExitCodes.FAILED;
        }
        out.println("Factory reset done in " + loaded.stateDirectory() + " (no agent was running): the identity and"
                + " the provisioned settings are wiped; the agent starts in provisioning next time.");
        out.flush();
        return ExitCodes.OK;
    }
}
