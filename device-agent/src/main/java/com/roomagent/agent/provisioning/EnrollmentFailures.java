package com.roomagent.agent.provisioning;

import com.roomagent.agent.provisioning.EnrollmentException.Failure;
import com.roomagent.agent.proxy.ProxyFailure;
import com.roomagent.protocol.activation.ActivationCodeException;
import com.roomagent.protocol.activation.CloudError;
import com.roomagent.provisioning.qr.QrPayloadException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Turns what went wrong into an {@link EnrollmentException} with the installer's message: pure
 * functions of the error, the URL and the device's clock, so every message is tested without a
 * network. The texts are listed in docs/provisioning.md.
 */
final class EnrollmentFailures {
    private static final String CHECK_CODE = " Check the code you were given and type it again.";
    private static final String NEW_CODE = " Ask the organization's administrator for a new activation code.";

    private EnrollmentFailures() {}

    /** A typed code that cannot be right, found before any network call. */
    static EnrollmentException fromCode(ActivationCodeException error) {
        Failure failure = error.reason() == ActivationCodeException.Reason.CHECK_DIGIT
                ? Failure.CHECK_DIGIT
                : Failure.MALFORMED_CODE;
        // The code's own message says what and where (which group, which character) but never the code.
        String message = "The activation code is wrong: " + error.getMessage() + "."
                + (failure == Failure.CHECK_DIGIT ? "" : " Type the 16 digits you were given.");
        return new EnrollmentException(failure, message, error);
    }

    /** A QR code in front of the camera that is not an activation code. */
    static EnrollmentException fromQr(QrPayloadException error) {
        return new EnrollmentException(
                Failure.MALFORMED_CODE,
                "The QR code in front of the camera is not an activation code (" + error.getMessage() + "). Show"
                        + " the activation QR code you were given.",
                error);
    }

    /** A failure at the HTTP proxy (see {@link ProxyFailure}): its own identifier and message. */
    static EnrollmentException fromProxy(ProxyFailure failure, Throwable cause) {
        Failure kind = switch (failure.kind()) {
            case UNREACHABLE -> Failure.PROXY_UNREACHABLE;
            case TIMEOUT -> Failure.PROXY_TIMEOUT;
            case REFUSED -> Failure.PROXY_REFUSED;
            case AUTH_REQUIRED -> Failure.PROXY_AUTH_REQUIRED;
        };
        return new EnrollmentException(kind, failure.message(), null, failure.status(), kind.retriable(), cause);
    }

    /** A request that got no HTTP answer: DNS, TCP, TLS, or no answer in time. */
    static EnrollmentException fromIo(IOException error, URI uri, Clock clock) {
        String target = uri.getHost() + ":" + (uri.getPort() >= 0 ? uri.getPort() : 443);
        String detail = innermostMessage(error);
        if (has(error, UnknownHostException.class) || has(error, UnresolvedAddressException.class)) {
            return new EnrollmentException(
                    Failure.CLOUD_UNREACHABLE_DNS,
                    "The device cannot find the cloud: the name " + uri.getHost() + " does not resolve (DNS). Check"
                            + " the network's DNS server and that the device has an address and a default route;"
                            + " the device retries by itself.",
                    error);
        }
        if (error instanceof HttpConnectTimeoutException
                || has(error, ConnectException.class)
                || has(error, NoRouteToHostException.class)) {
            String how = error instanceof HttpConnectTimeoutException ? "timed out" : connectDetail(error);
            return new EnrollmentException(
                    Failure.CLOUD_UNREACHABLE_TCP,
                    "The device cannot connect to the cloud at " + target + " (" + how + "). Check the network"
                            + " cable and the firewall: the device needs outbound TCP to port " + port(uri)
                            + "; it retries by itself.",
                    error);
        }
        if (has(error, SSLException.class)) {
            return fromTls(error, target, clock);
        }
        if (error instanceof HttpTimeoutException) {
            return new EnrollmentException(
                    Failure.CLOUD_HTTP_ERROR,
                    "The cloud at " + target + " did not answer in time. The device retries by itself; if this"
                            + " persists, check for a firewall or proxy that holds connections open.",
                    error);
        }
        return new EnrollmentException(
                Failure.CLOUD_UNREACHABLE_TCP,
                "The connection to the cloud at " + target + " broke (" + detail + "). A firewall or proxy may"
                        + " be closing it; the device retries by itself.",
                error);
    }

    /** Why a connection failed, in words: the HTTP client often wraps a refusal in a bare exception. */
    private static String connectDetail(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            String text = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
            if (text.contains("refused")) {
                return "connection refused";
            }
            if (text.contains("timed out")) {
                return "timed out";
            }
            if (text.contains("no route") || cause instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (text.contains("unreachable")) {
                return "network unreachable";
            }
        }
        // A refused connection surfaces as a bare ConnectException in the JDK's HTTP client.
        return "connection refused or reset";
    }

    private static EnrollmentException fromTls(IOException error, String target, Clock clock) {
        if (clockProblem(error)) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            return new EnrollmentException(
                    Failure.CLOCK_FAR_OFF,
                    "The device's clock says " + now + ", which is outside the validity of the cloud's"
                            + " certificate at " + target + ". Fix the time: make sure the device reaches a"
                            + " time server (NTP, UDP port 123) or set the clock, then try again; the device"
                            + " retries by itself.",
                    error);
        }
        String lower = (error.getMessage() + " " + innermostMessage(error)).toLowerCase(Locale.ROOT);
        if (has(error, CertPathValidatorException.class)
                || lower.contains("certification path")
                || lower.contains("pkix")
                || lower.contains("subject alternative name")
                || lower.contains("no name matching")
                || lower.contains("certificate_unknown")
                || lower.contains("bad_certificate")) {
            return new EnrollmentException(
                    Failure.CERTIFICATE_REJECTED,
                    "The device does not trust the certificate of the cloud at " + target + " ("
                            + innermostMessage(error) + "). If the network inspects TLS, exempt the cloud's"
                            + " addresses from inspection; otherwise check cloud.trustAnchors.",
                    error);
        }
        return new EnrollmentException(
                Failure.CLOUD_UNREACHABLE_TLS,
                "The secure (TLS) connection to the cloud at " + target + " failed (" + innermostMessage(error)
                        + "). A firewall or proxy may be interfering with TLS on this port; the device retries"
                        + " by itself.",
                error);
    }

    /**
     * Whether certificate validation failed on dates: the device's clock, not the certificate, is
     * then the likely culprit (a cloud certificate is not expired for everybody else).
     */
    static boolean clockProblem(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateExpiredException || cause instanceof CertificateNotYetValidException) {
                return true;
            }
            if (cause instanceof CertPathValidatorException validation
                    && (validation.getReason() == BasicReason.EXPIRED
                            || validation.getReason() == BasicReason.NOT_YET_VALID)) {
                return true;
            }
        }
        return false;
    }

    /**
     * An HTTP answer other than success.
     *
     * @param error the cloud's error body, or null when it sent none that parses
     * @param retryAfterHeader the {@code Retry-After} header in seconds, or null
     */
    static EnrollmentException fromStatus(int status, CloudError error, Long retryAfterHeader, URI uri, Clock clock) {
        String id = error == null ? "" : error.error();
        String cloudSays = error == null ? "" : " The cloud says: " + error.message();
        if (status == 429 || CloudError.RATE_LIMITED.equals(id)) {
            Long seconds =
                    error != null && error.retryAfterSeconds() != null ? error.retryAfterSeconds() : retryAfterHeader;
            Duration wait = Duration.ofSeconds(seconds == null ? 60 : Math.max(1, seconds));
            Instant at = clock.instant().plus(wait).truncatedTo(ChronoUnit.SECONDS);
            return new EnrollmentException(
                    Failure.RATE_LIMITED,
                    "The cloud refused: too many activation attempts from this network. Wait until " + at + " ("
                            + wait.toSeconds() + " s); the device tries again by itself then.",
                    wait,
                    status,
                    true,
                    null);
        }
        switch (id) {
            case CloudError.UNKNOWN_CODE:
                return new EnrollmentException(
                        Failure.UNKNOWN_CODE,
                        "The cloud does not know this activation code." + CHECK_CODE + " If it is right, the"
                                + " code may belong to another cloud;" + lowerFirst(NEW_CODE),
                        null);
            case CloudError.CODE_USED:
                return new EnrollmentException(
                        Failure.CODE_USED,
                        "This activation code has already activated a device; each code works once." + NEW_CODE,
                        null);
            case CloudError.CODE_EXPIRED:
                return new EnrollmentException(
                        Failure.CODE_EXPIRED, "This activation code has expired." + NEW_CODE, null);
            case CloudError.PAIRING_EXPIRED:
            case CloudError.UNKNOWN_PAIRING:
                return new EnrollmentException(
                        Failure.PAIRING_EXPIRED,
                        "The pairing code expired before an administrator approved this device; a new code is"
                                + " on the display.",
                        null);
            default:
                boolean serverSide = status >= 500 || status == 408;
                return new EnrollmentException(
                        Failure.CLOUD_HTTP_ERROR,
                        "The cloud at " + uri.getHost() + ":" + port(uri) + " answered HTTP " + status + "."
                                + cloudSays
                                + (serverSide
                                        ? " The device retries by itself."
                                        : " Report this to support with the device's log."),
                        null,
                        status,
                        serverSide,
                        null);
        }
    }

    /** A success status with a body the device cannot use. */
    static EnrollmentException badResponse(String what, Throwable cause) {
        return new EnrollmentException(
                Failure.BAD_RESPONSE,
                "The cloud's answer could not be used: " + what + ". The device tries again; if this persists,"
                        + " report it to support.",
                cause);
    }

    /** The identity could not be stored. */
    static EnrollmentException storage(String what, Throwable cause) {
        return new EnrollmentException(
                Failure.STORAGE_FAILED,
                "The device could not store its identity: " + what + ". The device is not provisioned.",
                cause);
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : 443;
    }

    private static String lowerFirst(String text) {
        String trimmed = text.strip();
        return " " + Character.toLowerCase(trimmed.charAt(0)) + trimmed.substring(1);
    }

    private static boolean has(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause's message on one line, or its class name. */
    static String innermostMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage();
        if (text == null || text.isBlank()) {
            text = error.getMessage();
        }
        if (text == null || text.isBlank()) {
            return root.getClass().getSimpleName();
        }
        int newline = text.indexOf('\n');
        return (newline >= 0 ? text.substring(0, newline) : text).strip();
    }
}
