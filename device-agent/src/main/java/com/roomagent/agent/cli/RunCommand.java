package com.roomagent.agent.cli;

import com.roomagent.agent.config.ConfigurationException;
import com.roomagent.agent.control.ControlSocketException;
import com.roomagent.agent.daemon.AgentDaemon;
import com.roomagent.agent.discovery.RealNetworkStateSource;
import com.roomagent.agent.discovery.TrustAnchorException;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code room-agent run}: the daemon. Opens the control socket, provisions the device when it has
 * no identity, then discovers. Runs until SIGTERM or SIGINT, then stops every subsystem
 * before the JVM exits (the JVM then exits with 143 for SIGTERM, which the systemd unit lists as a
 * success status).
 */
@Command(name = "run", description = "Run the agent until stopped (what a room system boots).")
final class RunCommand implements Callable<Integer> {
    @Mixin
    ConfigurationOptions configuration;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        AgentDaemon daemon;
        try {
            daemon = new AgentDaemon(
                    configuration.loader(), Clock.systemUTC(), new RealNetworkStateSource(), System.out);
        } catch (ConfigurationException e) {
            return ExitCodes.configurationError(spec, e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread shutdown = new Thread(
                () -> {
                    daemon.close();
                    stopped.countDown();
                },
                "shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        try {
            daemon.start();
        } catch (ControlSocketException e) {
            spec.commandLine().getErr().println("room-agent: " + e.getMessage());
            spec.commandLine().getErr().flush();
            Runtime.getRuntime().removeShutdownHook(shutdown);
            daemon.close();
            return e.reason() == ControlSocketException.Reason.ANOTHER_AGENT_RUNNING
                    ? ExitCodes.ANOTHER_AGENT
                    : ExitCodes.FAILED;
        } catch (TrustAnchorException e) {
            spec.commandLine().getErr().println("room-agent: " + e.getMessage());
            spec.commandLine().getErr().flush();
            Runtime.getRuntime().removeShutdownHook(shutdown);
            daemon.close();
            return ExitCodes.CONFIGURATION;
        }
        // The main thread only waits: the daemon's own threads do the work, and the shutdown hook
        // (SIGTERM, SIGINT) releases it after the daemon has stopped.
        stopped.await();
        return ExitCodes.OK;
    }
}
