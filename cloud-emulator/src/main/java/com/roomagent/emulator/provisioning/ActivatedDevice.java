package com.roomagent.emulator.provisioning;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * A device the cloud enrolled, as {@code GET /v1/admin/devices} lists it.
 *
 * @param deviceId the id the cloud gave it, also its certificate's CN ({@code dev-} and 8 hex digits)
 * @param organizationId the organization it joined, also its certificate's O
 * @param deviceModel the model it reported
 * @param serialNumber the serial number it reported
 * @param enrollment how it enrolled
 * @param activatedAt when its certificate was issued
 * @param certificateNotAfter when its certificate expires
 */
public record ActivatedDevice(
        String deviceId,
        String organizationId,
        String deviceModel,
        String serialNumber,
        Enrollment enrollment,
        Instant activatedAt,
        Instant certificateNotAfter) {
    public ActivatedDevice {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(deviceModel, "deviceModel");
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(enrollment, "enrollment");
        Objects.requireNonNull(activatedAt, "activatedAt");
        Objects.requireNonNull(certificateNotAfter, "certificateNotAfter");
    }

    /** The two ways onto the cloud. */
    public enum Enrollment {
        /** An installer typed an activation code. */
        @JsonProperty("activation-code")
        ACTIVATION_CODE,
        /** An administrator approved the device's pairing (QR code or short code). */
        @JsonProperty("pairing")
        PAIRING
    }
}
