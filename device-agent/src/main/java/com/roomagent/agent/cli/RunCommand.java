package com.roomagent.agent.cli;

import com.roomagent.agent.config.AgentConfiguration;
import com.roomagent.agent.config.ConfigurationException;
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
 * {@code room-agent run}: the daemon. Runs until SIGTERM or SIGINT, then stops every subsystem
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
        AgentConfiguration loaded;
        try {
            loaded = configuration.load();
        } catch (ConfigurationException e) {
            return ExitCodes.configurationError(spec, e);
        }
        AgentDaemon daemon;
        try {
            daemon = new AgentDaemon(loaded, Clock.systemUTC(), new RealNetworkStateSource());
        } catch (TrustAnchorException e) {
            spec.commandLine().getErr().println("room-agent: " + e.getMessage());
            return ExitCodes.CONFIGURATION;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread shutdown = new Thread(
                () -> {
                    daemon.close();
                    stopped.countDown();
                },
                "shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        daemon.start();
        // The main thread only waits: the daemon's own threads do the work, and the shutdown hook
        // (SIGTERM, SIGINT) releases it after the daemon has stopped.
        stopped.await();
        return ExitCodes.OK;
    }
}
