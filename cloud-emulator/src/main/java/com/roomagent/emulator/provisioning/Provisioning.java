package com.roomagent.emulator.provisioning;

import com.roomagent.emulator.ca.CertificateAuthority;
import com.roomagent.emulator.config.ConfigValidator;
import com.roomagent.emulator.config.OrganizationConfig;
import com.roomagent.emulator.config.RateLimitConfig;
import com.roomagent.emulator.provisioning.ActivatedDevice.Enrollment;
import com.roomagent.protocol.activation.ActivationCode;
import com.roomagent.protocol.activation.ActivationCodeException;
import com.roomagent.protocol.activation.ActivationRequest;
import com.roomagent.protocol.activation.ActivationResponse;
import com.roomagent.protocol.activation.CloudError;
import com.roomagent.protocol.activation.IssuedCode;
import com.roomagent.protocol.activation.OrganizationSettings;
import com.roomagent.protocol.activation.PairingRequest;
import com.roomagent.protocol.activation.PairingSession;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cloud's side of provisioning: issues activation codes, activates devices with them, pairs
 * devices an administrator approves, and certifies both with the emulator's CA
 * (docs/cloud-emulator.md, "Provisioning"). Everything lives in memory and is lost on restart;
 * expiry is judged by the injected clock.
 *
 * <p>Thread-safe: every state change happens under the instance's lock, which the await methods
 * wait on. A full activation code is never logged, only its masked form ({@link
 * ActivationCode#toString()}).
 */
public final class Provisioning {
    /** How long a code is valid when the administrator does not say. */
    public static final Duration DEFAULT_CODE_VALIDITY = Duration.ofDays(1);
    /** The longest validity a code may be issued with. */
    public static final Duration MAX_CODE_VALIDITY = Duration.ofDays(365);
    /** How long a pairing session waits for approval. */
    public static final Duration PAIRING_VALIDITY = Duration.ofMinutes(10);
    /** The first interval between a device's polls of its pairing. */
    public static final int POLL_INTERVAL_SECONDS = 2;

    private static final Logger log = LoggerFactory.getLogger(Provisioning.class);

    private final AdminToken adminToken;
    private final String defaultOrganizationId;
    private final OrganizationSettings settings;
    private final URI signalingUri;
    private final RateLimiter rateLimiter;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ActivationCodes codes = new ActivationCodes();
    private final Pairings pairings = new Pairings();
    private final Enrollments enrollments;

    /**
     * @param signalingUri the signaling server's base URI, as bound: the organization's signaling
     *     URL, and the base of the pairing pages
     */
    public Provisioning(
            CertificateAuthority ca,
            AdminToken adminToken,
            OrganizationConfig organization,
            URI signalingUri,
            RateLimitConfig rateLimit,
            Clock clock) {
        this.adminToken = adminToken;
        this.defaultOrganizationId = organization.id();
        this.settings = organization.settings(signalingUri);
        this.signalingUri = signalingUri;
        this.rateLimiter = new RateLimiter(rateLimit, clock);
        this.clock = clock;
        this.enrollments = new Enrollments(ca, settings, clock, random);
    }

    /** The administrator's bearer token; never log it. */
    public AdminToken adminToken() {
        return adminToken;
    }

    /** The organization devices join when none is named. */
    public String defaultOrganizationId() {
        return defaultOrganizationId;
    }

    /** The URLs every activation hands out (R3). */
    public OrganizationSettings organizationSettings() {
        return settings;
    }

    /**
     * Counts one attempt of {@code client} (an address) against its token bucket.
     *
     * @throws ProvisioningException {@link CloudError#RATE_LIMITED}, with the seconds to wait
     */
    public void admit(String client) throws ProvisioningException {
        Optional<Duration> wait = rateLimiter.tryAcquire(client);
        if (wait.isPresent()) {
            long seconds = wait.get().toSeconds();
            log.debug("provisioning.rate_limited client={} retryAfterSeconds={}", client, seconds);
            throw new ProvisioningException(new CloudError(
                    CloudError.RATE_LIMITED,
                    "too many attempts from this address; try again in " + seconds + " seconds",
                    seconds));
        }
    }

    /**
     * Issues a single-use activation code.
     *
     * @param organizationId the organization a device activated with it joins: 1 to 64 letters,
     *     digits or {@code ._~-}
     * @param validFor how long the code works, positive and at most {@link #MAX_CODE_VALIDITY}
     * @throws IllegalArgumentException when either argument is outside those bounds
     */
    public synchronized IssuedCode issueCode(String organizationId, Duration validFor) {
        if (!ConfigValidator.ORGANIZATION_ID.matcher(organizationId).matches()) {
            throw new IllegalArgumentException(
                    "organizationId '" + organizationId + "' is not 1 to 64 letters, digits or ._~-");
        }
        if (validFor.isNegative() || validFor.isZero() || validFor.compareTo(MAX_CODE_VALIDITY) > 0) {
            throw new IllegalArgumentException("validFor is " + validFor + "; use 1 second to 365 days");
        }
        // Whole seconds: what people read; the validity is at most a second shorter than asked.
        Instant expiresAt = clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(validFor);
        ActivationCode code;
        do {
            code = ActivationCode.generate(random);
        } while (!codes.add(code, organizationId, expiresAt));
        log.info("code.issued code={} organizationId={} expiresAt={}", code, organizationId, expiresAt);
        return new IssuedCode(code.formatted(), organizationId, expiresAt);
    }

    /**
     * Activates a device with an activation code. Checked in this order: the code's format, the
     * model and serial number, the certificate signing request, then the code itself (so a refused
     * request never uses up a code). A used code is refused,
     * except when the same key asks again before the code's expiry: the device may have crashed
     * before storing its certificate, so it receives the same answer again.
     *
     * @throws ProvisioningException {@link CloudError#BAD_REQUEST}, {@link CloudError#BAD_CSR},
     *     {@link CloudError#UNKNOWN_CODE}, {@link CloudError#CODE_USED} or {@link
     *     CloudError#CODE_EXPIRED}
     */
    public ActivationResponse activate(ActivationRequest request) throws ProvisioningException {
        ActivationCode code;
        try {
            code = ActivationCode.parse(request.activationCode());
        } catch (ActivationCodeException e) {
            throw new ProvisioningException(CloudError.BAD_REQUEST, e.getMessage());
        }
        DeviceRequest device = DeviceRequest.of(request.csrPem(), request.deviceModel(), request.serialNumber());
        synchronized (this) {
            Instant now = clock.instant();
            ActivationCodes.Issued issued = codes.find(code)
                    .orElseThrow(() -> refused(
                            code,
                            CloudError.UNKNOWN_CODE,
                            "no such activation code; check it against the code you were given, or ask your"
                                    + " administrator for a new one"));
            Optional<ActivationCodes.Redemption> used = issued.redemption();
            if (used.isPresent()) {
                if (used.get().keyFingerprint().equals(device.keyFingerprint()) && now.isBefore(issued.expiresAt())) {
                    log.info(
                            "activation.repeated code={} deviceId={}",
                            code,
                            used.get().response().deviceId());
                    return used.get().response();
                }
                throw refused(
                        code,
                        CloudError.CODE_USED,
                        "this activation code was already used at " + used.get().at()
                                + "; codes work once: ask your administrator for a new one");
            }
            if (!now.isBefore(issued.expiresAt())) {
                throw refused(
                        code,
                        CloudError.CODE_EXPIRED,
                        "this activation code expired at " + issued.expiresAt()
                                + "; ask your administrator for a new one");
            }
            ActivationResponse response = enrollments
                    .enroll(device, issued.organizationId(), Enrollment.ACTIVATION_CODE)
                    .response();
            issued.redeem(new ActivationCodes.Redemption(device.keyFingerprint(), now, response));
            log.info(
                    "activation.succeeded code={} deviceId={} organizationId={}",
                    code,
                    response.deviceId(),
                    response.organizationId());
            return response;
        }
    }

    /**
     * Opens a pairing session for a device without a code; it waits {@link #PAIRING_VALIDITY} for
     * an administrator's approval.
     *
     * @throws ProvisioningException {@link CloudError#BAD_REQUEST} or {@link CloudError#BAD_CSR}
     */
    public PairingSession startPairing(PairingRequest request) throws ProvisioningException {
        DeviceRequest device = DeviceRequest.of(request.csrPem(), request.deviceModel(), request.serialNumber());
        synchronized (this) {
            Instant now = clock.instant();
            pairings.prune(now);
            String shortCode;
            do {
                shortCode = ShortCodes.generate(random);
            } while (pairings.shortCodeTaken(shortCode));
            byte[] id = new byte[16];
            random.nextBytes(id);
            PairingSession offer = new PairingSession(
                    Base64.getUrlEncoder().withoutPadding().encodeToString(id),
                    shortCode,
                    URI.create(signalingUri + "/pair/" + shortCode),
                    now.truncatedTo(ChronoUnit.SECONDS).plus(PAIRING_VALIDITY),
                    POLL_INTERVAL_SECONDS);
            pairings.add(new Pairings.Session(offer, device));
            log.info(
                    "pairing.started pairingId={} shortCode={} expiresAt={}",
                    offer.pairingId(),
                    shortCode,
                    offer.expiresAt());
            notifyAll();
            return offer;
        }
    }

    /**
     * Where a pairing stands, as the device polls it.
     *
     * @return the device's activation once approved; empty while pending
     * @throws ProvisioningException {@link CloudError#UNKNOWN_PAIRING}, or {@link
     *     CloudError#PAIRING_EXPIRED} once it expired unapproved
     */
    public synchronized Optional<ActivationResponse> pairingResult(String pairingId) throws ProvisioningException {
        Pairings.Session session = pairings.byId(pairingId)
                .orElseThrow(() -> new ProvisioningException(
                        CloudError.UNKNOWN_PAIRING,
                        "no such pairing session (or it ended over an hour ago); start pairing again"));
        if (session.approved().isPresent()) {
            return session.approved();
        }
        if (session.isExpired(clock.instant())) {
            throw new ProvisioningException(
                    CloudError.PAIRING_EXPIRED,
                    "the pairing expired at " + session.offer().expiresAt()
                            + " before an administrator approved it; start pairing again for a new code");
        }
        return Optional.empty();
    }

    /**
     * Approves the pending pairing shown as {@code shortCode} (any case, dash optional): certifies
     * the device's key and enrolls it in {@code organizationId}, or the default organization. The
     * device receives its certificate at its next poll.
     *
     * @throws ProvisioningException {@link CloudError#UNKNOWN_PAIRING} when no pairing with that code
     *     is pending (none, already approved, or expired), {@link CloudError#BAD_REQUEST} for an
     *     invalid organization id
     */
    public synchronized AdminMessages.PairingApproval approvePairing(String shortCode, Optional<String> organizationId)
            throws ProvisioningException {
        String organization = organizationId.orElse(defaultOrganizationId);
        if (!ConfigValidator.ORGANIZATION_ID.matcher(organization).matches()) {
            throw new ProvisioningException(
                    CloudError.BAD_REQUEST, "organizationId is not 1 to 64 letters, digits or ._~-");
        }
        Instant now = clock.instant();
        Optional<Pairings.Session> found = ShortCodes.normalize(shortCode).flatMap(pairings::byShortCode);
        if (found.isEmpty() || !found.get().isPending(now)) {
            String why = found.isEmpty()
                    ? "no pairing shows this code"
                    : found.get().approved().isPresent() ? "it is already approved" : "it expired";
            throw new ProvisioningException(
                    CloudError.UNKNOWN_PAIRING,
                    "no pending pairing " + shortCode + " (" + why + "); read the code on the device's screen");
        }
        Pairings.Session session = found.get();
        Enrollments.Enrolled enrolled = enrollments.enroll(session.request(), organization, Enrollment.PAIRING);
        ActivationResponse response = enrolled.response();
        session.approve(response);
        log.info(
                "pairing.approved shortCode={} pairingId={} deviceId={} organizationId={}",
                session.offer().shortCode(),
                session.offer().pairingId(),
                response.deviceId(),
                organization);
        return new AdminMessages.PairingApproval(session.offer().shortCode(), enrolled.device());
    }

    /** {@link #approvePairing(String, Optional)} in the default organization; false when none is pending. */
    public boolean approvePairing(String shortCode) {
        try {
            approvePairing(shortCode, Optional.empty());
            return true;
        } catch (ProvisioningException e) {
            log.info(
                    "pairing.not_approved shortCode={} reason=\"{}\"",
                    shortCode,
                    e.error().message());
            return false;
        }
    }

    /** The pending pairing shown as {@code shortCode} (any case, dash optional), if there is one. */
    public synchronized Optional<PairingSession> pendingPairing(String shortCode) {
        Instant now = clock.instant();
        return ShortCodes.normalize(shortCode)
                .flatMap(pairings::byShortCode)
                .filter(session -> session.isPending(now))
                .map(Pairings.Session::offer);
    }

    /** The pairings waiting for approval now, oldest first. */
    public synchronized List<PairingSession> pendingPairings() {
        return pairings.pending(clock.instant());
    }

    /**
     * Waits at most {@code timeout} (real time) until a pairing is pending: for tests whose device
     * starts pairing on its own.
     *
     * @return the newest pending pairing, or empty on timeout
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public synchronized Optional<PairingSession> awaitPendingPairing(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pendingPairings().isEmpty()) {
            long remainingNanos = deadline - System.nanoTime();
            if (remainingNanos <= 0) {
                return Optional.empty();
            }
            wait(Math.max(1, Duration.ofNanos(remainingNanos).toMillis()));
        }
        List<PairingSession> pending = pendingPairings();
        return Optional.of(pending.get(pending.size() - 1));
    }

    /** Every device enrolled since start, in the order they were. */
    public synchronized List<ActivatedDevice> activatedDevices() {
        return enrollments.all();
    }

    private static ProvisioningException refused(ActivationCode code, String errorId, String message) {
        log.info("activation.refused code={} error={}", code, errorId);
        return new ProvisioningException(errorId, message);
    }
}
