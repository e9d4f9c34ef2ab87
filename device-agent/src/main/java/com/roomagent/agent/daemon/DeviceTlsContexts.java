package com.roomagent.agent.daemon;

import com.roomagent.provisioning.identity.DeviceIdentity;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS contexts that present the device's identity (mutual TLS) to the upgrade and metrics
 * services, with the cloud's trust. Key material stays in memory.
 */
public final class DeviceTlsContexts {
    private static final char[] IN_MEMORY = "in-memory".toCharArray();

    private DeviceTlsContexts() {}

    /**
     * A client context presenting {@code identity}'s key and certificate chain, and trusting what
     * {@code trustAnchors} trusts (its trust managers).
     *
     * @param trustAnchors the trusted certificates ({@code cloud.trustAnchors}); empty for the
     *     runtime's default trust store
     * @throws GeneralSecurityException when the JDK cannot build the context (a broken runtime or key)
     */
    public static SSLContext presenting(DeviceIdentity identity, List<Certificate> trustAnchors)
            throws GeneralSecurityException {
        KeyStore anchors = null;
        if (!trustAnchors.isEmpty()) {
            anchors = emptyKeyStore();
            for (int i = 0; i < trustAnchors.size(); i++) {
                anchors.setCertificateEntry("anchor-" + i, trustAnchors.get(i));
            }
        }
        KeyStore keys = emptyKeyStore();
        keys.setKeyEntry(
                "device",
                identity.privateKey(),
                IN_MEMORY,
                identity.certificateChain().toArray(new Certificate[0]));
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, IN_MEMORY);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(anchors);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    private static KeyStore emptyKeyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot initialise an empty key store", e);
        }
        return store;
    }
}
