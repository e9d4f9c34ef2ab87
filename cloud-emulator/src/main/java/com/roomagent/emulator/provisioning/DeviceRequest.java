package com.roomagent.emulator.provisioning;

import com.roomagent.emulator.ca.BadCsrException;
import com.roomagent.emulator.ca.CertificateRequests;
import com.roomagent.protocol.activation.CloudError;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.HexFormat;

/**
 * What a device asks to be certified, checked: the key of its certificate signing request, and how
 * it describes itself.
 *
 * @param key the EC P-256 public key the request proved the device holds
 * @param keyFingerprint the SHA-256 of the key's encoded SubjectPublicKeyInfo, hex: how a retry by
 *     the same device is recognized
 * @param deviceModel the model it reported
 * @param serialNumber the serial number it reported
 */
record DeviceRequest(PublicKey key, String keyFingerprint, String deviceModel, String serialNumber) {
    private static final int MAX_DESCRIPTION_CHARS = 128;

    /**
     * Checks a device's request.
     *
     * @throws ProvisioningException {@link CloudError#BAD_REQUEST} for a model or serial number that
     *     is empty, longer than 128 characters or holds control characters (they end up in logs and
     *     inventories); {@link CloudError#BAD_CSR} for a request the CA will not sign
     */
    static DeviceRequest of(String csrPem, String deviceModel, String serialNumber) throws ProvisioningException {
        checkDescription("deviceModel", deviceModel);
        checkDescription("serialNumber", serialNumber);
        PublicKey key;
        try {
            key = CertificateRequests.publicKeyOf(csrPem);
        } catch (BadCsrException e) {
            throw new ProvisioningException(CloudError.BAD_CSR, e.getMessage());
        }
        return new DeviceRequest(key, fingerprint(key), deviceModel, serialNumber);
    }

    private static void checkDescription(String field, String value) throws ProvisioningException {
        boolean printable = value.chars().noneMatch(Character::isISOControl);
        if (value.isBlank() || value.length() > MAX_DESCRIPTION_CHARS || !printable) {
            throw new ProvisioningException(
                    CloudError.BAD_REQUEST, field + " must be 1 to " + MAX_DESCRIPTION_CHARS + " printable characters");
        }
    }

    private static String fingerprint(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256 (MessageDigest's contract)", e);
        }
    }
}
