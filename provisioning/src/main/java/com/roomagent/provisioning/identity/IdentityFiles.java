package com.roomagent.provisioning.identity;

import com.roomagent.protocol.activation.OrganizationSettings;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The files of one identity version, in its own directory: {@code device-key.pem} (PKCS #8),
 * {@code certificate-chain.pem}, {@code identity.properties} and {@code provisioned.properties}.
 */
final class IdentityFiles {
    static final String KEY_FILE = "device-key.pem";
    static final String CHAIN_FILE = "certificate-chain.pem";
    static final String IDENTITY_FILE = "identity.properties";
    static final String PROVISIONED_FILE = IdentityStore.PROVISIONED_FILE;

    private IdentityFiles() {}

    static void write(Path directory, DeviceIdentity identity) throws IOException {
        StateFiles.createDirectory(directory);
        StateFiles.writeNew(directory.resolve(KEY_FILE), Pem.write(identity.privateKey()));
        StateFiles.writeNew(directory.resolve(CHAIN_FILE), Pem.writeCertificates(identity.certificateChain()));
        OrganizationSettings settings = identity.settings();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("format", "1");
        values.put("deviceId", identity.deviceId());
        values.put("organizationId", identity.organizationId());
        values.put("provisionedAt", identity.provisionedAt().toString());
        values.put("signalingUrl", settings.signalingUrl().toString());
        values.put("contentUrl", settings.contentUrl().toString());
        values.put("upgradeUrl", settings.upgradeUrl().toString());
        values.put("metricsUrl", settings.metricsUrl().toString());
        StateFiles.writeNew(
                directory.resolve(IDENTITY_FILE),
                PropertiesText.write("The device's identity, written by provisioning; do not edit.", values));
        StateFiles.writeNew(
                directory.resolve(PROVISIONED_FILE),
                PropertiesText.write(
                        "Settings the cloud provisioned; written by provisioning, replaced at each enrollment."
                                + " Override them in the administrator layer, not here.",
                        provisionedLayer(identity)));
        StateFiles.syncDirectory(directory);
    }

    /** The provisioned configuration layer: the device id and the organization's four URLs (R3). */
    private static Map<String, String> provisionedLayer(DeviceIdentity identity) {
        OrganizationSettings settings = identity.settings();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("device.id", identity.deviceId());
        values.put("cloud.signalingUrl", settings.signalingUrl().toString());
        values.put("cloud.contentUrl", settings.contentUrl().toString());
        values.put("cloud.upgradeUrl", settings.upgradeUrl().toString());
        values.put("cloud.metricsUrl", settings.metricsUrl().toString());
        return values;
    }

    static DeviceIdentity read(Path directory, String hint) throws IdentityStoreException {
        Path identityFile = directory.resolve(IDENTITY_FILE);
        Properties values = properties(identityFile, hint);
        String deviceId = required(values, "deviceId", identityFile, hint);
        OrganizationSettings settings = new OrganizationSettings(
                url(values, "signalingUrl", identityFile, hint),
                url(values, "contentUrl", identityFile, hint),
                url(values, "upgradeUrl", identityFile, hint),
                url(values, "metricsUrl", identityFile, hint));
        Instant provisionedAt;
        try {
            provisionedAt = Instant.parse(required(values, "provisionedAt", identityFile, hint));
        } catch (DateTimeParseException e) {
            throw new IdentityStoreException(identityFile, "provisionedAt is not an ISO-8601 instant" + hint, e);
        }
        Path keyFile = directory.resolve(KEY_FILE);
        PrivateKey key;
        try {
            key = Pem.readPrivateKey(text(keyFile, hint));
        } catch (IOException e) {
            throw new IdentityStoreException(
                    keyFile, "is not a PKCS #8 PEM private key (" + e.getMessage() + ")" + hint, e);
        }
        Path chainFile = directory.resolve(CHAIN_FILE);
        List<X509Certificate> chain;
        try {
            chain = Pem.readCertificates(text(chainFile, hint));
        } catch (IOException e) {
            throw new IdentityStoreException(
                    chainFile, "is not a PEM certificate chain (" + e.getMessage() + ")" + hint, e);
        }
        if (!KeyChecks.belongTogether(key, chain.get(0).getPublicKey())) {
            throw new IdentityStoreException(keyFile, "does not match the device certificate in " + chainFile + hint);
        }
        Path provisionedFile = directory.resolve(PROVISIONED_FILE);
        Properties provisioned = properties(provisionedFile, hint);
        if (!deviceId.equals(provisioned.getProperty("device.id"))
                || !settings.signalingUrl().toString().equals(provisioned.getProperty("cloud.signalingUrl"))) {
            throw new IdentityStoreException(
                    provisionedFile, "does not belong to the identity in " + identityFile + hint);
        }
        return new DeviceIdentity(
                deviceId, required(values, "organizationId", identityFile, hint), key, chain, settings, provisionedAt);
    }

    private static String text(Path file, String hint) throws IdentityStoreException {
        try {
            return StateFiles.read(file);
        } catch (NoSuchFileException e) {
            throw new IdentityStoreException(file, "is missing" + hint, e);
        } catch (IOException e) {
            throw new IdentityStoreException(file, "cannot be read (" + e + ")" + hint, e);
        }
    }

    private static Properties properties(Path file, String hint) throws IdentityStoreException {
        try {
            return PropertiesText.read(text(file, hint));
        } catch (IOException | IllegalArgumentException e) {
            throw new IdentityStoreException(file, "is not a valid properties file (" + e.getMessage() + ")" + hint, e);
        }
    }

    private static String required(Properties values, String key, Path file, String hint)
            throws IdentityStoreException {
        String value = values.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IdentityStoreException(file, "has no " + key + hint);
        }
        return value;
    }

    private static URI url(Properties values, String key, Path file, String hint) throws IdentityStoreException {
        try {
            return new URI(required(values, key, file, hint));
        } catch (URISyntaxException e) {
            throw new IdentityStoreException(file, key + " is not a URL (" + e.getMessage() + ")" + hint, e);
        }
    }
}
