package com.roomagent.transport.dtls;

import java.net.InetSocketAddress;
import java.security.cert.CertPath;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.eclipse.californium.scandium.dtls.AlertMessage;
import org.eclipse.californium.scandium.dtls.AlertMessage.AlertDescription;
import org.eclipse.californium.scandium.dtls.AlertMessage.AlertLevel;
import org.eclipse.californium.scandium.dtls.CertificateMessage;
import org.eclipse.californium.scandium.dtls.CertificateType;
import org.eclipse.californium.scandium.dtls.CertificateVerificationResult;
import org.eclipse.californium.scandium.dtls.ConnectionId;
import org.eclipse.californium.scandium.dtls.HandshakeException;
import org.eclipse.californium.scandium.dtls.HandshakeResultHandler;
import org.eclipse.californium.scandium.dtls.x509.NewAdvancedCertificateVerifier;
import org.eclipse.californium.scandium.util.ServerNames;

/**
 * Accepts the peer's certificate if and only if its SHA-256 fingerprint is the one signaling
 * announced (RFC 8122 section 5; RFC 8842 section 5 for DTLS-SRTP): no CA, no names, no dates,
 * as WebRTC does. A mismatch fails the handshake with a fatal {@code bad_certificate} alert (RFC
 * 5246 section 7.2.2) and is remembered, so the caller's error can name both fingerprints.
 */
final class FingerprintVerifier implements NewAdvancedCertificateVerifier {
    private final CertificateFingerprint expected;
    private volatile String refusal = "";

    FingerprintVerifier(CertificateFingerprint expected) {
        this.expected = expected;
    }

    /** Why the last certificate was refused, or empty if none was. */
    String refusal() {
        return refusal;
    }

    @Override
    public List<CertificateType> getSupportedCertificateTypes() {
        return List.of(CertificateType.X_509);
    }

    @Override
    public CertificateVerificationResult verifyCertificate(
            ConnectionId cid,
            ServerNames serverName,
            InetSocketAddress remotePeer,
            boolean clientUsage,
            boolean verifySubject,
            boolean truncateCertificatePath,
            CertificateMessage message) {
        String peer = remotePeer.getAddress().getHostAddress() + ":" + remotePeer.getPort();
        CertPath path = message.getCertificateChain();
        List<? extends Certificate> chain = path == null ? List.of() : path.getCertificates();
        if (chain.isEmpty() || !(chain.get(0) instanceof X509Certificate leaf)) {
            return refuse(cid, "peer " + peer + " presented no X.509 certificate; expected one with " + expected);
        }
        CertificateFingerprint actual = CertificateFingerprint.of(leaf);
        if (!expected.equals(actual)) {
            return refuse(
                    cid,
                    "peer " + peer + " presented a certificate with fingerprint " + actual + " but signaling announced "
                            + expected);
        }
        return new CertificateVerificationResult(cid, path, null);
    }

    private CertificateVerificationResult refuse(ConnectionId cid, String reason) {
        refusal = reason;
        return new CertificateVerificationResult(
                cid,
                new HandshakeException(reason, new AlertMessage(AlertLevel.FATAL, AlertDescription.BAD_CERTIFICATE)),
                null);
    }

    @Override
    public List<X500Principal> getAcceptedIssuers() {
        return List.of();
    }

    @Override
    public void setResultHandler(HandshakeResultHandler resultHandler) {
        // Verification is synchronous.
    }
}
