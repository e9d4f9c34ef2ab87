package com.roomagent.agent.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.roomagent.protocol.discovery.ProbeFailure;
import com.roomagent.protocol.framing.FramingException;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class FailureClassifierTest {
    private static final String TARGET = "127.0.1.4:5004";

    @Test
    void eachSocketErrorHasItsReason() {
        assertFailure(ProbeFailure.TIMEOUT, "connect to 127.0.1.4:5004 timed out", new SocketTimeoutException());
        assertFailure(
                ProbeFailure.REFUSED,
                "connection refused by 127.0.1.4:5004",
                new ConnectException("Connection refused"));
        assertFailure(
                ProbeFailure.REFUSED,
                "port unreachable (ICMP) from 127.0.1.4:5004",
                new PortUnreachableException("ICMP Port Unreachable"));
        assertFailure(ProbeFailure.NO_ROUTE, "no route to 127.0.1.4:5004", new NoRouteToHostException("No route"));
        assertFailure(
                ProbeFailure.NO_ROUTE,
                "network unreachable for 127.0.1.4:5004",
                new SocketException("Network is unreachable"));
        assertFailure(ProbeFailure.IO_ERROR, "connection closed by 127.0.1.4:5004 during connect", new EOFException());
        assertFailure(
                ProbeFailure.BAD_RESPONSE,
                "broken framing from 127.0.1.4:5004: not STUN",
                new FramingException("not STUN"));
        assertFailure(
                ProbeFailure.IO_ERROR,
                "connect with 127.0.1.4:5004 failed: IOException: disk on fire",
                new IOException("disk on fire\n\tat somewhere"));
    }

    @Test
    void anUnresolvableNameNamesTheHost() {
        FailureClassifier.Failure failure = FailureClassifier.classify(
                new UnknownHostException("nowhere.invalid"), "nowhere.invalid:5004", "resolve");

        assertEquals(ProbeFailure.UNRESOLVED, failure.failure());
        assertEquals("host name nowhere.invalid did not resolve", failure.detail());
    }

    @Test
    void anUntrustedCertificateSaysSoWithTheInnermostReason() {
        SSLHandshakeException error = new SSLHandshakeException("PKIX path building failed");
        error.initCause(new CertificateException(
                "PKIX", new CertPathValidatorException("unable to find valid certification path to requested target")));

        FailureClassifier.Failure failure = FailureClassifier.classify(error, TARGET, "TLS handshake");

        assertEquals(ProbeFailure.TLS_FAILURE, failure.failure());
        assertEquals(
                "certificate of 127.0.1.4:5004 not trusted: unable to find valid certification path to requested"
                        + " target",
                failure.detail());
    }

    @Test
    void aCertificateForAnotherNameSaysWhichNameWasExpected() {
        SSLHandshakeException error = new SSLHandshakeException("No subject alternative names matching IP address");
        error.initCause(new CertificateException("No subject alternative names matching IP address 127.0.1.4 found"));

        FailureClassifier.Failure failure = FailureClassifier.classify(error, TARGET, "TLS handshake");

        assertEquals(ProbeFailure.TLS_FAILURE, failure.failure());
        assertEquals(
                "certificate of 127.0.1.4:5004 does not name 127.0.1.4: No subject alternative names matching IP"
                        + " address 127.0.1.4 found",
                failure.detail());
    }

    private static void assertFailure(ProbeFailure expected, String detail, IOException error) {
        FailureClassifier.Failure failure = FailureClassifier.classify(error, TARGET, "connect");
        assertEquals(expected, failure.failure(), detail);
        assertEquals(detail, failure.detail());
    }
}
