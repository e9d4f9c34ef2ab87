package com.roomagent.agent.provisioning;

import com.roomagent.agent.provisioning.ActivationResult.AlreadyProvisioned;
import com.roomagent.agent.provisioning.ActivationResult.Failed;
import com.roomagent.agent.provisioning.ActivationResult.Provisioned;
import com.roomagent.agent.provisioning.ProvisioningStatus.LastFailure;
import com.roomagent.agent.provisioning.ProvisioningStatus.State;
import com.roomagent.protocol.activation.ActivationCode;
import com.roomagent.protocol.activation.ActivationCodeException;
import com.roomagent.protocol.activation.ActivationRequest;
import com.roomagent.protocol.activation.ActivationResponse;
import com.roomagent.protocol.activation.PairingSession;
import com.roomagent.provisioning.identity.DeviceIdentity;
import com.roomagent.provisioning.identity.IdentityStore;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provisioning of a device without an identity (ARCHITECTURE.md flow 2): three ways in, one
 * enrollment. Pairing starts with {@link #start()}; activation codes arrive through {@link
 * #activate} from the control socket and the camera. The first success wins: the identity is
 * verified (its certificate is for the pending key), stored atomically, the pending key cleared,
 * the display told, and the {@link Listener} called; later codes are answered {@link
 * AlreadyProvisioned}. Retriable failures of a code (unreachable, rate limited) are retried with
 * backoff and full jitter; the others are reported at once. Every failure goes to the display and
 * the log, and is kept as the last failure.
 *
 * <p>Threads: every step runs on the single-threaded {@code executor} given (the provisioning
 * thread), which the caller owns and shuts down after {@link #close()}; all mutable state is
 * confined to it. {@link #status()} reads an immutable snapshot from any thread.
 */
public final class ProvisioningService implements AutoCloseable {
    /** Where an activation code came from, for logs. */
    public enum Source {
        CONTROL_SOCKET("control-socket"),
        CAMERA("camera"),
        PAIRING("pairing");

        private final String id;

        Source(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** Told once, on the provisioning thread, when the device has its identity. */
    @FunctionalInterface
    public interface Listener {
        void provisioned(DeviceIdentity identity);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ProvisioningService.class);

    private final EnrollmentClient cloud;
    private final Display display;
    private final DeviceDescription device;
    private final ProvisioningTiming timing;
    private final ScheduledExecutorService executor;
    private final Clock clock;
    private final Random random;
    private final Listener listener;
    private final DeviceKeyring keyring;
    private final IdentityCommit commit;
    private final PairingLoop pairing;

    private DeviceIdentity identity;
    private LastFailure lastFailure;
    private boolean activating;
    private ActivationCode retryCode;
    private int retryAttempt;
    private ScheduledFuture<?> retryTask;
    private volatile boolean closed;
    private volatile ProvisioningStatus snapshot =
            new ProvisioningStatus(State.UNPROVISIONED, Optional.empty(), Optional.empty(), Optional.empty());

    public ProvisioningService(
            EnrollmentClient cloud,
            IdentityStore store,
            Display display,
            DeviceDescription device,
            ProvisioningTiming timing,
            ScheduledExecutorService executor,
            Clock clock,
            Random random,
            Listener listener) {
        this.cloud = Objects.requireNonNull(cloud, "cloud");
        this.display = Objects.requireNonNull(display, "display");
        this.device = Objects.requireNonNull(device, "device");
        this.timing = Objects.requireNonNull(timing, "timing");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.listener = Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(store, "store");
        this.keyring = new DeviceKeyring(store, device.serialNumber());
        this.commit = new IdentityCommit(store);
        this.pairing = new PairingLoop(cloud, keyring, device, timing, executor, clock, random, new PairingOutcome());
    }

    /** Starts the pairing way in; codes are accepted with or without it. */
    public void start() {
        LOG.info(
                "event=provisioning-started cloud={} model={} serial={}",
                cloud.base(),
                device.model(),
                device.serialNumber());
        submit(pairing::start);
    }

    /**
     * Tries an activation code as typed or scanned. The format and check digits are checked here,
     * before anything is sent: a wrong code fails at once without a network call.
     *
     * @return completes on the provisioning thread once the attempt ends
     */
    public CompletableFuture<ActivationResult> activate(String typed, Source source) {
        ActivationCode code;
        try {
            code = ActivationCode.parse(typed);
        } catch (ActivationCodeException e) {
            return reject(EnrollmentFailures.fromCode(e), source);
        }
        return activate(code, source);
    }

    /** Tries a code already read; see {@link #activate(String, Source)}. */
    public CompletableFuture<ActivationResult> activate(ActivationCode code, Source source) {
        CompletableFuture<ActivationResult> result = new CompletableFuture<>();
        submit(() -> result.complete(attempt(code, source)));
        return result;
    }

    /** Reports a way in that failed before it had a code to try (a wrong code on the camera). */
    public CompletableFuture<ActivationResult> reject(EnrollmentException failure, Source source) {
        CompletableFuture<ActivationResult> result = new CompletableFuture<>();
        submit(() -> {
            if (identity != null) {
                result.complete(new AlreadyProvisioned(identity));
            } else {
                report(failure, source, Optional.empty());
                result.complete(new Failed(failure, Optional.empty()));
            }
        });
        return result;
    }

    /** Where provisioning stands now. */
    public ProvisioningStatus status() {
        return snapshot;
    }

    private ActivationResult attempt(ActivationCode code, Source source) {
        if (identity != null) {
            LOG.info("event=activation-ignored source={} code={} reason=already-provisioned", source.id(), code);
            return new AlreadyProvisioned(identity);
        }
        if (!code.equals(retryCode)) {
            cancelRetry();
            retryCode = code;
            retryAttempt = 0;
        }
        activating = true;
        publish();
        LOG.info("event=activation-started source={} code={} cloud={}", source.id(), code, cloud.base());
        try {
            KeyPair keys = keyring.pendingKeys();
            ActivationResponse response = cloud.activate(
                    new ActivationRequest(code.digits(), keyring.csr(keys), device.model(), device.serialNumber()));
            return new Provisioned(complete(response, keys, source));
        } catch (EnrollmentException e) {
            Optional<Duration> retryIn =
                    e.retriable() && !closed ? Optional.of(scheduleRetry(code, source, e)) : Optional.empty();
            report(e, source, retryIn);
            return new Failed(e, retryIn);
        } finally {
            activating = false;
            publish();
        }
    }

    private Duration scheduleRetry(ActivationCode code, Source source, EnrollmentException failure) {
        Duration jittered = timing.retries().delay(retryAttempt++, random);
        Duration wait = failure.retryAfter()
                .filter(asked -> asked.compareTo(jittered) > 0)
                .orElse(jittered);
        cancelRetry();
        retryTask = executor.schedule(
                guarded("activation-retry", () -> attempt(code, source)), wait.toMillis(), TimeUnit.MILLISECONDS);
        return wait;
    }

    private void cancelRetry() {
        if (retryTask != null) {
            retryTask.cancel(false);
            retryTask = null;
        }
    }

    /** Verifies and stores the identity the cloud gave for {@code keys}; the end of every way in. */
    private DeviceIdentity complete(ActivationResponse response, KeyPair keys, Source source)
            throws EnrollmentException {
        DeviceIdentity issued = commit.commit(response, keys, clock.instant());
        identity = issued;
        lastFailure = null;
        pairing.stop();
        cancelRetry();
        publish();
        LOG.info(
                "event=provisioned source={} device_id={} organization_id={} signaling_url={}",
                source.id(),
                issued.deviceId(),
                issued.organizationId(),
                issued.settings().signalingUrl());
        display.showProvisioned(issued.deviceId(), issued.organizationId());
        listener.provisioned(issued);
        return issued;
    }

    private void report(EnrollmentException failure, Source source, Optional<Duration> retryIn) {
        if (closed) {
            return;
        }
        String message = failure.getMessage()
                + retryIn.map(wait -> " (next try in " + Math.max(1, wait.toSeconds()) + " s)")
                        .orElse("");
        lastFailure = new LastFailure(failure.failure(), message, clock.instant());
        publish();
        LOG.warn(
                "event=provisioning-failed source={} failure={} retry_in_ms={} message=\"{}\"",
                source.id(),
                failure.failure().id(),
                retryIn.map(Duration::toMillis).orElse(-1L),
                failure.getMessage());
        display.showMessage(message);
    }

    private void publish() {
        State state = identity != null
                ? State.PROVISIONED
                : activating ? State.ACTIVATING : pairing.session().isPresent() ? State.PAIRING : State.UNPROVISIONED;
        snapshot = new ProvisioningStatus(
                state, Optional.ofNullable(identity), Optional.ofNullable(lastFailure), pairing.session());
    }

    private void submit(Runnable step) {
        try {
            executor.execute(guarded("provisioning-step", step));
        } catch (RejectedExecutionException e) {
            LOG.debug("event=provisioning-step-rejected reason=closed");
        }
    }

    /** The top of a provisioning-thread task: nothing may escape unlogged. */
    static Runnable guarded(String task, Runnable step) {
        return () -> {
            try {
                step.run();
            } catch (RejectedExecutionException e) {
                // A step that schedules its next one while the agent shuts down: nothing is lost.
                LOG.debug("event=provisioning-step-rejected task={} reason=closed", task);
            } catch (RuntimeException e) {
                LOG.error("event=provisioning-task-failed task={} error=\"{}\"", task, e.toString(), e);
            }
        };
    }

    /** Stops pairing and retries. Idempotent; the executor is the caller's to shut down. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        submit(() -> {
            pairing.stop();
            cancelRetry();
        });
        LOG.info("event=provisioning-stopped");
    }

    private final class PairingOutcome implements PairingLoop.Outcome {
        @Override
        public void sessionOpened(PairingSession session) {
            publish();
            display.showPairing(session);
        }

        @Override
        public void approved(ActivationResponse response, KeyPair keys) {
            if (identity != null) {
                return;
            }
            try {
                complete(response, keys, Source.PAIRING);
            } catch (EnrollmentException e) {
                report(e, Source.PAIRING, Optional.empty());
                pairing.start();
            }
        }

        @Override
        public void failed(EnrollmentException failure, Optional<Duration> retryIn) {
            publish();
            report(failure, Source.PAIRING, retryIn);
        }
    }
}
