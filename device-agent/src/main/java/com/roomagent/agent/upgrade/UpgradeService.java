package com.roomagent.agent.upgrade;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link UpgradeChecker#check()} periodically on its own thread, {@code upgrade-checker-1},
 * and on demand ({@code room-agent upgrade check}). Owns that thread; {@link #close()} stops it.
 */
public final class UpgradeService implements AutoCloseable {
    /** The first check after start: soon, so a device that reboots often still checks. */
    public static final Duration FIRST_CHECK_DELAY = Duration.ofMinutes(2);

    private static final Logger LOG = LoggerFactory.getLogger(UpgradeService.class);

    private final UpgradeChecker checker;
    private final ScheduledExecutorService executor;
    private volatile Optional<UpgradeOutcome> last = Optional.empty();

    private UpgradeService(UpgradeChecker checker) {
        this.checker = checker;
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "upgrade-checker-1");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts periodic checks: the first after {@code firstDelay}, then every {@code interval}. */
    public static UpgradeService start(UpgradeChecker checker, Duration firstDelay, Duration interval) {
        UpgradeService service = new UpgradeService(checker);
        service.executor.scheduleWithFixedDelay(
                service::scheduledCheck, firstDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info(
                "event=upgrade-checks-scheduled url={} first_in_s={} interval_s={} current_version={}",
                checker.manifestUri(),
                firstDelay.toSeconds(),
                interval.toSeconds(),
                checker.currentVersion());
        return service;
    }

    private void scheduledCheck() {
        try {
            last = Optional.of(checker.check());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("event=upgrade-check-crashed error=\"{}\"", e.toString(), e);
        }
    }

    /** Checks now, on the caller's thread (after a check under way, if any), and returns the outcome. */
    public UpgradeOutcome checkNow() throws InterruptedException {
        UpgradeOutcome outcome = checker.check();
        last = Optional.of(outcome);
        return outcome;
    }

    /** The outcome of the latest check, if any ran. */
    public Optional<UpgradeOutcome> lastOutcome() {
        return last;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
