package com.roomagent.agent.signaling;

import com.roomagent.agent.config.AgentConfiguration;
import com.roomagent.agent.config.AgentSettings;
import com.roomagent.agent.config.SettingType;
import com.roomagent.agent.discovery.TrustAnchorException;
import com.roomagent.agent.discovery.TrustAnchors;
import com.roomagent.provisioning.identity.DeviceIdentity;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The device's side of mutual TLS (R2): a TLS context that presents the device's certificate chain
 * with its private key, and trusts the cloud's certificate authorities. The one place that builds
 * it, for registration and the event channel, and later for metrics and upgrades. The key store
 * lives in memory only; the key is never written anywhere by this class.
 */
public final class DeviceTls {
    // Protects the in-memory key store only; it never leaves this process.
    private static final char[] IN_MEMORY_PASSWORD = "in-memory".toCharArray();

    private DeviceTls() {}

    /**
     * The context for {@code identity}, trusting {@code cloud.trustAnchors} (the Java runtime's
     * default authorities when that setting is empty).
     *
     * @throws TrustAnchorException naming the file when the trust anchors cannot be read
     */
    public static SSLContext sslContext(AgentConfiguration configuration, DeviceIdentity identity)
            throws TrustAnchorException {
        Path anchors = configuration.get(AgentSettings.CLOUD_TRUST_ANCHORS);
        Optional<List<Certificate>> trusted =
                anchors.equals(SettingType.NO_FILE) ? Optional.empty() : Optional.of(TrustAnchors.read(anchors));
        return sslContext(identity, trusted);
    }

    /**
     * The context for {@code identity}, trusting exactly {@code anchors}, or the Java runtime's
     * default authorities when empty.
     */
    public static SSLContext sslContext(DeviceIdentity identity, Optional<List<Certificate>> anchors) {
        try {
            KeyStore keys = emptyStore();
            keys.setKeyEntry(
                    "device",
                    identity.privateKey(),
                    IN_MEMORY_PASSWORD,
                    identity.certificateChain().toArray(new Certificate[0]));
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, IN_MEMORY_PASSWORD);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (anchors.isPresent()) {
                KeyStore trusted = emptyStore();
                List<Certificate> certificates = anchors.get();
                for (int i = 0; i < certificates.size(); i++) {
                    trusted.setCertificateEntry("anchor-" + i, certificates.get(i));
                }
                trust.init(trusted);
            } else {
                trust.init((KeyStore) null);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            // The identity store checked the key and chain; only a broken Java runtime ends here.
            throw new IllegalStateException("the Java runtime cannot build a TLS context for the device key: " + e, e);
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot initialise an empty key store", e);
        }
        return store;
    }
}
