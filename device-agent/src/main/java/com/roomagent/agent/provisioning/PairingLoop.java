package com.roomagent.agent.provisioning;

import com.roomagent.protocol.activation.ActivationResponse;
import com.roomagent.protocol.activation.PairingRequest;
import com.roomagent.protocol.activation.PairingSession;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pairing way in: open a session (the display shows its QR code and short code), poll it with
 * exponential backoff and full jitter from the cloud's poll interval up to {@code
 * provisioning.pollMaxInterval}, and open a new session when one expires, until an administrator
 * approves the device or {@link #stop()}. A session that cannot be opened is retried with the retry
 * backoff.
 *
 * <p>Confined to the provisioning thread (the executor given), like its owner {@link
 * ProvisioningService}.
 */
final class PairingLoop {
    /** What the loop reports to its owner, on the provisioning thread. */
    interface Outcome {
        void sessionOpened(PairingSession session);

        void approved(ActivationResponse response, KeyPair keys);

        void failed(EnrollmentException failure, Optional<Duration> retryIn);
    }

    private static final Logger LOG = LoggerFactory.getLogger(PairingLoop.class);

    private final EnrollmentClient cloud;
    private final DeviceKeyring keyring;
    private final DeviceDescription device;
    private final ProvisioningTiming timing;
    private final ScheduledExecutorService executor;
    private final Clock clock;
    private final Random random;
    private final Outcome outcome;

    private PairingSession session;
    private KeyPair keys;
    private int openAttempt;
    private int pollAttempt;
    private ScheduledFuture<?> next;
    private boolean stopped;

    PairingLoop(
            EnrollmentClient cloud,
            DeviceKeyring keyring,
            DeviceDescription device,
            ProvisioningTiming timing,
            ScheduledExecutorService executor,
            Clock clock,
            Random random,
            Outcome outcome) {
        this.cloud = cloud;
        this.keyring = keyring;
        this.device = device;
        this.timing = timing;
        this.executor = executor;
        this.clock = clock;
        this.random = random;
        this.outcome = outcome;
    }

    /** Opens a session (again, after {@link #stop()}); call on the provisioning thread. */
    void start() {
        stopped = false;
        open();
    }

    /** The session on the display, if any. */
    Optional<PairingSession> session() {
        return Optional.ofNullable(session);
    }

    /** Stops polling and opening sessions. Idempotent. */
    void stop() {
        stopped = true;
        session = null;
        if (next != null) {
            next.cancel(false);
        }
    }

    private void open() {
        if (stopped) {
            return;
        }
        try {
            keys = keyring.pendingKeys();
            session = cloud.startPairing(new PairingRequest(keyring.csr(keys), device.model(), device.serialNumber()));
        } catch (EnrollmentException e) {
            session = null;
            Duration wait = waitAfter(e, timing.retries().delay(openAttempt++, random));
            LOG.info(
                    "event=pairing-not-started failure={} retry_in_ms={}",
                    e.failure().id(),
                    wait.toMillis());
            outcome.failed(e, Optional.of(wait));
            schedule(this::open, wait);
            return;
        }
        openAttempt = 0;
        pollAttempt = 0;
        LOG.info(
                "event=pairing-started pairing_id={} expires_at={} poll_interval_s={}",
                session.pairingId(),
                session.expiresAt(),
                session.pollIntervalSeconds());
        outcome.sessionOpened(session);
        schedule(this::poll, pollDelay());
    }

    private void poll() {
        if (stopped || session == null) {
            return;
        }
        if (!clock.instant().isBefore(session.expiresAt())) {
            LOG.info("event=pairing-expired pairing_id={} by=device-clock", session.pairingId());
            open();
            return;
        }
        Optional<ActivationResponse> approved;
        try {
            approved = cloud.pollPairing(session.pairingId());
        } catch (EnrollmentException e) {
            if (e.failure() == EnrollmentException.Failure.PAIRING_EXPIRED) {
                LOG.info("event=pairing-expired pairing_id={} by=cloud", session.pairingId());
                outcome.failed(e, Optional.empty());
                open();
                return;
            }
            pollAttempt++;
            Duration wait = waitAfter(e, pollDelay());
            outcome.failed(e, Optional.of(wait));
            schedule(this::poll, wait);
            return;
        }
        if (approved.isPresent()) {
            LOG.info(
                    "event=pairing-approved pairing_id={} device_id={}",
                    session.pairingId(),
                    approved.get().deviceId());
            stopped = true;
            outcome.approved(approved.get(), keys);
            return;
        }
        pollAttempt++;
        schedule(this::poll, pollDelay());
    }

    private Duration pollDelay() {
        Duration first = Duration.ofSeconds(Math.max(1, session.pollIntervalSeconds()));
        return new Backoff(first, timing.pollMaxInterval()).delay(pollAttempt, random);
    }

    /** {@code jittered}, or the cloud's own Retry-After when that is longer. */
    private static Duration waitAfter(EnrollmentException failure, Duration jittered) {
        return failure.retryAfter()
                .filter(asked -> asked.compareTo(jittered) > 0)
                .orElse(jittered);
    }

    private void schedule(Runnable step, Duration delay) {
        if (!stopped) {
            next = executor.schedule(
                    ProvisioningService.guarded("pairing", step), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
