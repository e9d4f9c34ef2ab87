package com.roomagent.agent.cli;

import com.roomagent.agent.config.ConfigurationException;
import com.roomagent.agent.control.ControlClient;
import com.roomagent.agent.control.ControlClientException;
import com.roomagent.agent.control.ControlRequest;
import com.roomagent.agent.control.ControlResponse;
import com.roomagent.agent.control.ControlSocketException;
import com.roomagent.agent.daemon.AgentDaemon;
import com.roomagent.agent.discovery.RealNetworkStateSource;
import com.roomagent.agent.discovery.TrustAnchorException;
import com.roomagent.agent.systemd.SystemdNotifier;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
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
 * success status). Under systemd ({@code Type=notify}) it says READY=1 once booted, keeps the
 * watchdog fed while its control socket answers, and says STOPPING=1 at shutdown.
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
        SystemdNotifier systemd = SystemdNotifier.fromEnvironment(
                System.getenv(), ProcessHandle.current().pid());
        Thread shutdown = new Thread(
                () -> {
                    systemd.stopping();
                    systemd.close();
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
        // Registration changes show in systemctl status; they never withhold the watchdog: a cloud
        // outage is not cured by restarting the agent, which reconnects by itself.
        daemon.addSignalingListener(state -> systemd.status(statusText(daemon, state.id())));
        systemd.ready(statusText(daemon));
        systemd.startWatchdog(() -> controlSocketProblem(daemon, systemd), () -> statusText(daemon));
        // The main thread only waits: the daemon's own threads do the work, and the shutdown hook
        // (SIGTERM, SIGINT) releases it after the daemon has stopped.
        stopped.await();
        return ExitCodes.OK;
    }

    private static String statusText(AgentDaemon daemon) {
        return statusText(
                daemon,
                daemon.signaling().map(client -> client.status().state()).orElse("none"));
    }

    private static String statusText(AgentDaemon daemon, String registration) {
        return "state=" + daemon.status().state().id() + " registration=" + registration;
    }

    /** The watchdog's check: the control socket answers a status request within half the timeout. */
    private static Optional<String> controlSocketProblem(AgentDaemon daemon, SystemdNotifier systemd) {
        Duration wait = systemd.watchdogTimeout().orElse(Duration.ofSeconds(10)).dividedBy(2);
        try {
            ControlResponse answer = new ControlClient(daemon.controlSocketPath(), wait).send(ControlRequest.status());
            return answer.ok() ? Optional.empty() : Optional.of("the control socket answered " + answer.error());
        } catch (ControlClientException e) {
            return Optional.of("the control socket does not answer: " + e.getMessage());
        }
    }
}
