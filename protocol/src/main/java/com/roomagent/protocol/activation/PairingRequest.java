package com.roomagent.protocol.activation;

import java.util.Objects;

/**
 * The body of {@code POST /v1/pairings}: a device with no code asks to be paired. The cloud answers
 * with a {@link PairingSession}; the device shows its QR code and short code and polls until an
 * administrator approves it.
 *
 * @param csrPem a PKCS#10 request (PEM) for the device's key pair
 * @param deviceModel the device's model
 * @param serialNumber the device's serial number
 */
public record PairingRequest(String csrPem, String deviceModel, String serialNumber) {
    public PairingRequest {
        Objects.requireNonNull(csrPem, "csrPem");
        Objects.requireNonNull(deviceModel, "deviceModel");
        Objects.requireNonNull(serialNumber, "serialNumber");
    }
}
