package com.roomagent.emulator.ca;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * A server's private key and certificate chain (leaf first, then its issuer), held in memory only:
 * issued anew at every start, so they never need storing.
 *
 * @param key the leaf certificate's private key
 * @param chain the leaf certificate, then the CA certificate
 */
public record ServerCredentials(PrivateKey key, List<X509Certificate> chain) {
    // A key store password protects stored key stores; this one never leaves memory.
    private static final char[] IN_MEMORY_PASSWORD = "in-memory".toCharArray();

    public ServerCredentials {
        Objects.requireNonNull(key, "key");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a server needs at least its own certificate");
        }
    }

    /** Names the certificate, never the key. */
    @Override
    public String toString() {
        return "ServerCredentials[subject=" + leaf().getSubjectX500Principal().getName() + "]";
    }

    /** The server's own certificate. */
    public X509Certificate leaf() {
        return chain.get(0);
    }

    /**
     * A new server-side TLS context presenting this chain, for servers that never ask for client
     * certificates.
     *
     * @throws GeneralSecurityException when the JDK cannot build a key store or context (a broken
     *     JDK installation, not a configuration problem)
     */
    public SSLContext sslContext() throws GeneralSecurityException {
        return sslContext(null);
    }

    /**
     * A new server-side TLS context presenting this chain and verifying client certificates against
     * {@code clientCa} alone (the JDK's default authorities are not trusted). Whether clients are
     * asked for a certificate is the server's choice ({@code SSLParameters}).
     *
     * @throws GeneralSecurityException when the JDK cannot build a key store or context
     */
    public SSLContext sslContextVerifyingClients(X509Certificate clientCa) throws GeneralSecurityException {
        return sslContext(Objects.requireNonNull(clientCa, "clientCa"));
    }

    private SSLContext sslContext(X509Certificate clientCa) throws GeneralSecurityException {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try {
            keyStore.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot initialise an empty key store", e);
        }
        keyStore.setKeyEntry("server", key, IN_MEMORY_PASSWORD, chain.toArray(new Certificate[0]));
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keyStore, IN_MEMORY_PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        TrustManager[] trustManagers = null;
        if (clientCa != null) {
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            try {
                anchors.load(null, null);
            } catch (IOException e) {
                throw new GeneralSecurityException("cannot initialise an empty trust store", e);
            }
            anchors.setCertificateEntry("device-ca", clientCa);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(anchors);
            trustManagers = trust.getTrustManagers();
        }
        context.init(keyManagers.getKeyManagers(), trustManagers, null);
        return context;
    }
}
