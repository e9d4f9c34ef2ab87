package com.roomagent.agent.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.agent.provisioning.EnrollmentException.Failure;
import com.roomagent.protocol.activation.ActivationCode;
import com.roomagent.protocol.activation.ActivationCodeException;
import com.roomagent.protocol.activation.CloudError;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** Every failure's classification and message, from constructed errors: no network. */
class EnrollmentFailuresTest {
    private static final URI CLOUD = URI.create("https://cloud.example:8443");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2019-03-01T10:00:00Z"), ZoneOffset.UTC);

    private static EnrollmentException io(IOException error) {
        return EnrollmentFailures.fromIo(error, CLOUD, CLOCK);
    }

    private static EnrollmentException status(int status, String id) {
        return EnrollmentFailures.fromStatus(status, new CloudError(id, "cloud text", null), null, CLOUD, CLOCK);
    }

    @Test
    void checkDigitNamesTheGroupWithoutTheCode() {
        ActivationCode code = ActivationCode.generate(new java.security.SecureRandom());
        String typed = code.formatted();
        char wrong = typed.charAt(5) == '9' ? '0' : (char) (typed.charAt(5) + 1);
        String mistyped = typed.substring(0, 5) + wrong + typed.substring(6);
        ActivationCodeException error = org.junit.jupiter.api.Assertions.assertThrows(
                ActivationCodeException.class, () -> ActivationCode.parse(mistyped));

        EnrollmentException failure = EnrollmentFailures.fromCode(error);

        assertEquals(Failure.CHECK_DIGIT, failure.failure());
        assertTrue(failure.getMessage().contains("group 2"), failure.getMessage());
        assertFalse(failure.getMessage().contains(mistyped.substring(0, 4)), failure.getMessage());
        assertFalse(failure.retriable());
    }

    @Test
    void lettersInTheCodeAreMalformed() {
        ActivationCodeException error = org.junit.jupiter.api.Assertions.assertThrows(
                ActivationCodeException.class, () -> ActivationCode.parse("12a4-5678-9012-3456"));

        assertEquals(Failure.MALFORMED_CODE, EnrollmentFailures.fromCode(error).failure());
    }

    @Test
    void unresolvableNameIsDns() {
        ConnectException error = new ConnectException();
        error.initCause(new UnresolvedAddressException());

        EnrollmentException failure = io(error);

        assertEquals(Failure.CLOUD_UNREACHABLE_DNS, failure.failure());
        assertTrue(failure.getMessage().contains("cloud.example does not resolve"), failure.getMessage());
        assertEquals(
                Failure.CLOUD_UNREACHABLE_DNS,
                io(new UnknownHostException("cloud.example")).failure());
    }

    @Test
    void refusedAndTimedOutConnectionsAreTcp() {
        EnrollmentException refused = io(new ConnectException("Connection refused"));
        EnrollmentException timedOut = io(new HttpConnectTimeoutException("HTTP connect timed out"));

        assertEquals(Failure.CLOUD_UNREACHABLE_TCP, refused.failure());
        assertTrue(refused.getMessage().contains("cloud.example:8443 (connection refused)"), refused.getMessage());
        assertTrue(refused.getMessage().contains("outbound TCP to port 8443"), refused.getMessage());
        assertEquals(Failure.CLOUD_UNREACHABLE_TCP, timedOut.failure());
        assertTrue(refused.retriable());
    }

    @Test
    void expiredCertificateInTheChainIsTheDeviceClock() {
        SSLHandshakeException error = new SSLHandshakeException("PKIX path validation failed");
        error.initCause(new CertificateException(new CertificateExpiredException("NotAfter: Tue Feb 05 2019")));

        EnrollmentException failure = io(error);

        assertEquals(Failure.CLOCK_FAR_OFF, failure.failure());
        assertTrue(failure.getMessage().contains("clock says 2019-03-01T10:00:00Z"), failure.getMessage());
        assertTrue(failure.getMessage().contains("NTP"), failure.getMessage());
    }

    @Test
    void pathValidatorSayingNotYetValidIsTheDeviceClock() {
        SSLHandshakeException error = new SSLHandshakeException("validation failed");
        error.initCause(new CertPathValidatorException(
                "validity check failed", null, null, -1, CertPathValidatorException.BasicReason.NOT_YET_VALID));

        assertEquals(Failure.CLOCK_FAR_OFF, io(error).failure());
    }

    @Test
    void untrustedCertificateIsRejected() {
        SSLHandshakeException error = new SSLHandshakeException(
                "PKIX path building failed: unable to find valid certification path to requested target");

        EnrollmentException failure = io(error);

        assertEquals(Failure.CERTIFICATE_REJECTED, failure.failure());
        assertTrue(failure.getMessage().contains("cloud.trustAnchors"), failure.getMessage());
    }

    @Test
    void otherHandshakeFailuresAreTls() {
        assertEquals(
                Failure.CLOUD_UNREACHABLE_TLS,
                io(new SSLHandshakeException("Received fatal alert: handshake_failure"))
                        .failure());
    }

    @Test
    void noAnswerInTimeIsAnHttpError() {
        assertEquals(
                Failure.CLOUD_HTTP_ERROR,
                io(new HttpTimeoutException("request timed out")).failure());
    }

    @Test
    void cloudRefusalsMapToTheirOwnFailures() {
        assertEquals(Failure.UNKNOWN_CODE, status(404, CloudError.UNKNOWN_CODE).failure());
        assertEquals(Failure.CODE_USED, status(409, CloudError.CODE_USED).failure());
        assertEquals(Failure.CODE_EXPIRED, status(410, CloudError.CODE_EXPIRED).failure());
        assertEquals(
                Failure.PAIRING_EXPIRED, status(410, CloudError.PAIRING_EXPIRED).failure());
        assertFalse(status(409, CloudError.CODE_USED).retriable());
    }

    @Test
    void rateLimitSaysWhenToTryAgain() {
        EnrollmentException failure = EnrollmentFailures.fromStatus(
                429, new CloudError(CloudError.RATE_LIMITED, "slow down", 42L), null, CLOUD, CLOCK);

        assertEquals(Failure.RATE_LIMITED, failure.failure());
        assertEquals(Duration.ofSeconds(42), failure.retryAfter().orElseThrow());
        assertTrue(failure.getMessage().contains("2019-03-01T10:00:42Z (42 s)"), failure.getMessage());
    }

    @Test
    void retryAfterHeaderServesWhenTheBodyIsNotTheCloudsError() {
        EnrollmentException failure = EnrollmentFailures.fromStatus(429, null, 7L, CLOUD, CLOCK);

        assertEquals(Duration.ofSeconds(7), failure.retryAfter().orElseThrow());
    }

    @Test
    void serverErrorsAreRetriedAndClientErrorsAreNot() {
        EnrollmentException server = EnrollmentFailures.fromStatus(503, null, null, CLOUD, CLOCK);
        EnrollmentException client = status(400, CloudError.BAD_CSR);

        assertEquals(Failure.CLOUD_HTTP_ERROR, server.failure());
        assertEquals(503, server.httpStatus().orElseThrow());
        assertTrue(server.retriable());
        assertFalse(client.retriable());
        assertTrue(client.getMessage().contains("cloud text"), client.getMessage());
    }

    @Test
    void everyFailureHasItsOwnIdentifier() {
        assertEquals(
                Failure.values().length,
                java.util.Arrays.stream(Failure.values())
                        .map(Failure::id)
                        .distinct()
                        .count());
    }
}
