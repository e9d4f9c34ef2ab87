package com.roomagent.protocol.activation;

import java.util.List;
import java.util.Objects;

/**
 * The cloud's answer to a successful activation or an approved pairing.
 *
 * @param deviceId the identity the cloud gave the device; also the certificate's subject CN
 * @param organizationId the organization the device now belongs to
 * @param certificateChainPem the device certificate first, then the issuing CA certificates, each
 *     PEM
 * @param settings the organization's URLs (R3)
 */
public record ActivationResponse(
        String deviceId, String organizationId, List<String> certificateChainPem, OrganizationSettings settings) {
    public ActivationResponse {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(settings, "settings");
        certificateChainPem = List.copyOf(certificateChainPem);
        if (certificateChainPem.isEmpty()) {
            throw new IllegalArgumentException("the certificate chain holds at least the device certificate");
        }
    }
}
