package com.roomagent.agent.provisioning;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A way in failed. {@link #failure()} says which of the known causes it was; the message is for
 * the installer (what happened and what to do), shown on the display, printed on the console and
 * returned on the control socket. It never contains the activation code or a key.
 */
public final class EnrollmentException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Every cause an installer can be told about, each with a stable identifier (docs/provisioning.md). */
    public enum Failure {
        /** The typed code is not 16 digits with separators; found on the device. */
        MALFORMED_CODE("malformed-code", false),
        /** A group of the code fails its check digit: a typing error; found on the device. */
        CHECK_DIGIT("check-digit", false),
        /** The cloud knows no such code. */
        UNKNOWN_CODE("unknown-code", false),
        /** The code already activated a device. */
        CODE_USED("code-used", false),
        /** The code's validity ended. */
        CODE_EXPIRED("code-expired", false),
        /** Too many attempts; the cloud says when to try again. */
        RATE_LIMITED("rate-limited", true),
        /** The cloud's host name does not resolve. */
        CLOUD_UNREACHABLE_DNS("cloud-unreachable-dns", true),
        /** No TCP connection to the cloud: refused, unreachable, timed out, or reset. */
        CLOUD_UNREACHABLE_TCP("cloud-unreachable-tcp", true),
        /** Connected, but the TLS handshake failed for a reason other than the certificate. */
        CLOUD_UNREACHABLE_TLS("cloud-unreachable-tls", true),
        /** No TCP connection to the configured HTTP proxy, or its name does not resolve. */
        PROXY_UNREACHABLE("proxy-unreachable", true),
        /** The HTTP proxy accepted no connection, or answered no CONNECT, within the connect timeout. */
        PROXY_TIMEOUT("proxy-timeout", true),
        /** The HTTP proxy answered the CONNECT to the cloud with 403 or another status that is not 2xx. */
        PROXY_REFUSED("proxy-refused", true),
        /** The HTTP proxy wants credentials the device lacks or got wrong (407), or a scheme other than Basic. */
        PROXY_AUTH_REQUIRED("proxy-auth-required", true),
        /** The cloud answered with an unexpected HTTP status, or not in time. */
        CLOUD_HTTP_ERROR("cloud-http-error", true),
        /** The cloud's certificate is not trusted (or does not name the host). */
        CERTIFICATE_REJECTED("certificate-rejected", true),
        /** The cloud's certificate is outside its validity by the device's clock: the clock is wrong. */
        CLOCK_FAR_OFF("clock-far-off", true),
        /** The pairing session ended before an administrator approved it. */
        PAIRING_EXPIRED("pairing-expired", true),
        /** The cloud's answer could not be used (not the expected JSON, a certificate not for our key). */
        BAD_RESPONSE("bad-response", true),
        /** The identity could not be stored on the device. */
        STORAGE_FAILED("storage-failed", true);

        private final String id;
        private final boolean retriable;

        Failure(String id, boolean retriable) {
            this.id = id;
            this.retriable = retriable;
        }

        /** The stable identifier on the control socket and in logs, for example {@code code-used}. */
        public String id() {
            return id;
        }

        /** Whether trying the same code again later may succeed. */
        public boolean retriable() {
            return retriable;
        }
    }

    private final Failure failure;
    private final Duration retryAfter;
    private final int httpStatus;
    private final boolean retriable;

    EnrollmentException(Failure failure, String message, Throwable cause) {
        this(failure, message, null, 0, failure.retriable(), cause);
    }

    EnrollmentException(
            Failure failure, String message, Duration retryAfter, int httpStatus, boolean retriable, Throwable cause) {
        super(message, cause);
        this.failure = Objects.requireNonNull(failure, "failure");
        this.retryAfter = retryAfter;
        this.httpStatus = httpStatus;
        this.retriable = retriable;
    }

    public Failure failure() {
        return failure;
    }

    /** For {@link Failure#RATE_LIMITED}, how long the cloud asked the device to wait. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * For {@link Failure#CLOUD_HTTP_ERROR}, the status, when the cloud answered at all; for a
     * proxy's refusal, the proxy's status.
     */
    public OptionalInt httpStatus() {
        return httpStatus == 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /**
     * Whether trying the same code again later may succeed: unreachable, rate limited, a server
     * error. Not for a code the cloud refused, nor for a client error (4xx) it would refuse again.
     */
    public boolean retriable() {
        return retriable;
    }
}
