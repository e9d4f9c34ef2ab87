package com.roomagent.agent.systemd;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells systemd how the agent is doing (sd_notify(3)), when it runs under a {@code Type=notify}
 * unit ({@code $NOTIFY_SOCKET} set); does nothing otherwise.
 *
 * <ul>
 *   <li>{@link #ready} once the agent has booted: {@code READY=1} and a {@code STATUS=} line;
 *   <li>{@link #startWatchdog} when the unit has {@code WatchdogSec=}: {@code WATCHDOG=1} at half
 *       of {@code $WATCHDOG_USEC}, only while the agent's own check passes and no subsystem has
 *       reported itself unhealthy ({@link #subsystem}); otherwise systemd restarts the agent;
 *   <li>{@link #stopping} at shutdown: {@code STOPPING=1}.
 * </ul>
 *
 * <p>A notification that cannot be sent is logged once and otherwise ignored: the agent keeps
 * working, and systemd's own timeouts say the rest. Thread: {@code systemd-watchdog}, owned here.
 */
public final class SystemdNotifier implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SystemdNotifier.class);

    /** The agent's own liveness check, run before each keep-alive. */
    @FunctionalInterface
    public interface HealthCheck {
        /**
         * @return empty when healthy; otherwise what is wrong, for the log and {@code STATUS=}
         */
        Optional<String> problem();
    }

    private final Optional<String> socket;
    private final Optional<Duration> watchdog;
    /** Subsystems that reported a problem, by name; guarded by itself. */
    private final Map<String, String> unhealthy = new TreeMap<>();

    private ScheduledExecutorService watchdogThread;
    private boolean warned;
    private String lastStatus = "";
    /** The problem that withheld the last keep-alive, to log each problem once; watchdog thread only. */
    private Optional<String> lastProblem = Optional.empty();

    private SystemdNotifier(Optional<String> socket, Optional<Duration> watchdog) {
        this.socket = socket;
        this.watchdog = watchdog;
    }

    /**
     * The notifier {@code environment} asks for: {@code NOTIFY_SOCKET}, and {@code WATCHDOG_USEC}
     * when {@code WATCHDOG_PID} is unset or is {@code pid} (sd_watchdog_enabled(3)).
     */
    public static SystemdNotifier fromEnvironment(Map<String, String> environment, long pid) {
        Optional<String> socket =
                Optional.ofNullable(environment.get("NOTIFY_SOCKET")).filter(value -> !value.isBlank());
        Optional<Duration> watchdog = Optional.empty();
        String usec = environment.get("WATCHDOG_USEC");
        String watchdogPid = environment.get("WATCHDOG_PID");
        if (socket.isPresent() && usec != null && (watchdogPid == null || watchdogPid.equals(Long.toString(pid)))) {
            try {
                long micros = Long.parseLong(usec.trim());
                if (micros > 0) {
                    watchdog = Optional.of(Duration.ofNanos(TimeUnit.MICROSECONDS.toNanos(micros)));
                }
            } catch (NumberFormatException e) {
                LOG.warn("event=systemd-watchdog-ignored reason=\"WATCHDOG_USEC '{}' is not a number\"", usec);
            }
        }
        return new SystemdNotifier(socket, watchdog);
    }

    /** Whether the agent runs under a service manager that listens. */
    public boolean enabled() {
        return socket.isPresent();
    }

    /** The watchdog timeout the unit set, when it set one for this process. */
    public Optional<Duration> watchdogTimeout() {
        return watchdog;
    }

    /** The agent has booted: its configuration is loaded and its control socket answers. */
    public void ready(String status) {
        if (socket.isEmpty()) {
            return;
        }
        send("READY=1\nSTATUS=" + oneLine(status) + "\nMAINPID="
                + ProcessHandle.current().pid());
        LOG.info(
                "event=systemd-ready status=\"{}\" watchdog={}",
                oneLine(status),
                watchdog.map(Duration::toString).orElse("off"));
    }

    /** A new status line for {@code systemctl status}. */
    public void status(String status) {
        send("STATUS=" + oneLine(status));
    }

    /** The agent is shutting down. */
    public void stopping() {
        send("STOPPING=1\nSTATUS=stopping");
    }

    /**
     * A subsystem's health, for subsystems whose failure the agent cannot recover from by itself
     * (for example registration with the cloud, once it exists): while any reports a problem, no
     * keep-alive goes out and systemd restarts the agent when the watchdog timeout passes.
     *
     * @param problem empty when the subsystem is healthy again
     */
    public void subsystem(String name, Optional<String> problem) {
        Objects.requireNonNull(name, "name");
        synchronized (unhealthy) {
            if (problem.isPresent()) {
                unhealthy.put(name, problem.get());
            } else {
                unhealthy.remove(name);
            }
        }
    }

    /**
     * Starts the keep-alives, when the unit asked for a watchdog: every half timeout, {@code check}
     * runs and, if it and every subsystem are healthy, {@code WATCHDOG=1} goes out with the status
     * text {@code statusText} gives.
     */
    public synchronized void startWatchdog(HealthCheck check, Supplier<String> statusText) {
        if (watchdog.isEmpty() || watchdogThread != null) {
            return;
        }
        long period = Math.max(1, watchdog.get().toMillis() / 2);
        watchdogThread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "systemd-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        watchdogThread.scheduleAtFixedRate(() -> keepAlive(check, statusText), 0, period, TimeUnit.MILLISECONDS);
    }

    private void keepAlive(HealthCheck check, Supplier<String> statusText) {
        try {
            Optional<String> problem = check.problem();
            if (problem.isEmpty()) {
                synchronized (unhealthy) {
                    if (!unhealthy.isEmpty()) {
                        problem = Optional.of(unhealthy.toString());
                    }
                }
            }
            if (!problem.equals(lastProblem)) {
                lastProblem = problem;
                if (problem.isPresent()) {
                    LOG.warn("event=systemd-watchdog-withheld problem=\"{}\"", oneLine(problem.get()));
                } else {
                    LOG.info("event=systemd-watchdog-resumed");
                }
            }
            if (problem.isPresent()) {
                send("STATUS=unhealthy: " + oneLine(problem.get()));
                return;
            }
            send("WATCHDOG=1\nSTATUS=" + oneLine(statusText.get()));
        } catch (RuntimeException e) {
            LOG.warn("event=systemd-watchdog-withheld problem=\"{}\"", e.toString());
        }
    }

    private void send(String message) {
        if (socket.isEmpty()) {
            return;
        }
        synchronized (this) {
            if (message.startsWith("STATUS=") && message.equals(lastStatus)) {
                return;
            }
            try {
                NotifySocket.send(socket.get(), message);
                if (message.startsWith("STATUS=")) {
                    lastStatus = message;
                }
            } catch (NotifyException e) {
                if (!warned) {
                    warned = true;
                    LOG.warn("event=systemd-notify-failed error=\"{}\"", e.getMessage());
                }
            }
        }
    }

    private static String oneLine(String text) {
        return text.replace('\n', ' ');
    }

    /** Stops the keep-alives; a stopping agent sends {@link #stopping} first. */
    @Override
    public synchronized void close() {
        if (watchdogThread != null) {
            watchdogThread.shutdownNow();
            watchdogThread = null;
        }
    }
}
