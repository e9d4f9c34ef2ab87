package com.roomagent.emulator;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * The client side of the emulator's TLS, as a device configures it: trusting only {@code ca.pem},
 * with hostname (here: IP address) verification on.
 */
public final class CaTrust {
    private CaTrust() {}

    /** A client context whose only trust anchor is the certificate in {@code caPem}. */
    public static SSLContext trusting(Path caPem) throws Exception {
        X509Certificate ca;
        try (InputStream in = Files.newInputStream(caPem)) {
            ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
        anchors.load(null, null);
        anchors.setCertificateEntry("emulator-ca", ca);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(anchors);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /**
     * Connects to {@code target} and completes a TLS handshake that checks the server certificate
     * against the CA and the address connected to (RFC 6125, the "HTTPS" identification).
     */
    public static SSLSocket connect(SSLContext context, InetSocketAddress target, Duration timeout) throws Exception {
        Socket plain = new Socket();
        try {
            plain.connect(target, Math.toIntExact(timeout.toMillis()));
            plain.setSoTimeout(Math.toIntExact(timeout.toMillis()));
            SSLSocket tls = (SSLSocket) context.getSocketFactory()
                    .createSocket(plain, target.getAddress().getHostAddress(), target.getPort(), true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
            tls.startHandshake();
            return tls;
        } catch (Exception | Error e) {
            plain.close();
            throw e;
        }
    }
}
