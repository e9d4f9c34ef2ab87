package com.roomagent.provisioning.identity;

import com.roomagent.protocol.activation.ActivationResponse;
import com.roomagent.protocol.activation.OrganizationSettings;
import java.io.IOException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Who the device is once provisioned: its private key, the certificate chain the cloud issued for
 * it (device certificate first), and the organization it belongs to with its URLs.
 *
 * <p>{@link #toString()} never shows the private key, so an identity is safe to log.
 *
 * @param deviceId the identity the cloud gave the device
 * @param organizationId the organization the device belongs to
 * @param privateKey the device's EC P-256 private key
 * @param certificateChain the device certificate first, then the issuing CA certificates; not empty
 * @param settings the organization's URLs (R3)
 * @param provisionedAt when the cloud accepted the device, by the device's clock
 */
public record DeviceIdentity(
        String deviceId,
        String organizationId,
        PrivateKey privateKey,
        List<X509Certificate> certificateChain,
        OrganizationSettings settings,
        Instant provisionedAt) {
    public DeviceIdentity {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(provisionedAt, "provisionedAt");
        certificateChain = List.copyOf(certificateChain);
        if (certificateChain.isEmpty()) {
            throw new IllegalArgumentException("the certificate chain holds at least the device certificate");
        }
    }

    /**
     * The identity an activation gave: the cloud's answer together with the key pair whose CSR it
     * answered.
     *
     * @throws CertificateChainException if the chain does not parse, or its first certificate is not
     *     for {@code keys} (the cloud answered another device's request, or the key was lost)
     */
    public static DeviceIdentity fromActivation(ActivationResponse response, KeyPair keys, Instant provisionedAt)
            throws CertificateChainException {
        List<X509Certificate> chain;
        try {
            chain = Pem.readCertificates(String.join("\n", response.certificateChainPem()));
        } catch (IOException e) {
            throw new CertificateChainException(
                    "the certificate chain the cloud sent cannot be read (" + e.getMessage()
                            + "); enroll again, and report it to the cloud operator if it happens again",
                    e);
        }
        if (!KeyChecks.belongTogether(keys.getPrivate(), chain.get(0).getPublicKey())) {
            throw new CertificateChainException("the certificate the cloud issued (subject "
                    + chain.get(0).getSubjectX500Principal().getName()
                    + ") is not for the key this device generated; enroll again with a new activation code");
        }
        return new DeviceIdentity(
                response.deviceId(),
                response.organizationId(),
                keys.getPrivate(),
                chain,
                response.settings(),
                provisionedAt);
    }

    /** The device certificate: the first of the chain. */
    public X509Certificate certificate() {
        return certificateChain.get(0);
    }

    /** Shows the certificate's subject and validity instead of the key. */
    @Override
    public String toString() {
        X509Certificate certificate = certificate();
        return "DeviceIdentity[deviceId=" + deviceId + ", organizationId=" + organizationId + ", certificate="
                + certificate.getSubjectX500Principal().getName() + " (serial "
                + certificate.getSerialNumber().toString(16) + ", not after "
                + certificate.getNotAfter().toInstant() + "), chainLength=" + certificateChain.size()
                + ", settings=" + settings + ", provisionedAt=" + provisionedAt + ", privateKey=(hidden)]";
    }
}
