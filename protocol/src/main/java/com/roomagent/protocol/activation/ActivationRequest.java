package com.roomagent.protocol.activation;

import java.util.Objects;

/**
 * The body of {@code POST /v1/activations}: a device enrolls with an activation code.
 *
 * @param activationCode the code's 16 digits, no separators ({@link ActivationCode#digits()})
 * @param csrPem a PKCS#10 certificate signing request (PEM) for the key pair the device generated;
 *     the private key never leaves the device
 * @param deviceModel the device's model, for the organization's inventory
 * @param serialNumber the device's serial number
 */
public record ActivationRequest(String activationCode, String csrPem, String deviceModel, String serialNumber) {
    public ActivationRequest {
        Objects.requireNonNull(activationCode, "activationCode");
        Objects.requireNonNull(csrPem, "csrPem");
        Objects.requireNonNull(deviceModel, "deviceModel");
        Objects.requireNonNull(serialNumber, "serialNumber");
    }

    /** Masks the activation code, so that logging a request never leaks it. */
    @Override
    public String toString() {
        return "ActivationRequest[activationCode=****, deviceModel=" + deviceModel + ", serialNumber=" + serialNumber
                + "]";
    }
}
