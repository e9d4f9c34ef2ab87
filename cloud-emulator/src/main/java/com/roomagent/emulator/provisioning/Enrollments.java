package com.roomagent.emulator.provisioning;

import com.roomagent.emulator.ca.CertificateAuthority;
import com.roomagent.emulator.ca.DeviceCertificate;
import com.roomagent.emulator.provisioning.ActivatedDevice.Enrollment;
import com.roomagent.protocol.activation.ActivationResponse;
import com.roomagent.protocol.activation.OrganizationSettings;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devices enrolled since start: each gets a new id ({@code dev-} and 8 hex digits) and a
 * certificate from the CA for the key it proved it holds.
 *
 * <p>Not thread-safe: {@link Provisioning} owns it and calls it under its lock.
 */
final class Enrollments {
    private static final Logger log = LoggerFactory.getLogger(Enrollments.class);

    private final CertificateAuthority ca;
    private final OrganizationSettings settings;
    private final Clock clock;
    private final SecureRandom random;
    private final List<ActivatedDevice> devices = new ArrayList<>();

    Enrollments(CertificateAuthority ca, OrganizationSettings settings, Clock clock, SecureRandom random) {
        this.ca = ca;
        this.settings = settings;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Certifies {@code request}'s key under a new device id in {@code organizationId} and records
     * the device.
     *
     * @throws ProvisioningException {@code internal-error} when the CA cannot sign (a broken JDK)
     */
    Enrolled enroll(DeviceRequest request, String organizationId, Enrollment enrollment) throws ProvisioningException {
        String deviceId;
        do {
            byte[] id = new byte[4];
            random.nextBytes(id);
            deviceId = "dev-" + HexFormat.of().formatHex(id);
        } while (isTaken(deviceId));
        DeviceCertificate certificate;
        try {
            certificate = ca.issueDevice(request.key(), deviceId, organizationId);
        } catch (GeneralSecurityException e) {
            log.error("enrollment.certificate_failed deviceId={} error={}", deviceId, e.toString(), e);
            throw new ProvisioningException(
                    "internal-error", "the cloud could not issue a certificate; try again later");
        }
        ActivatedDevice device = new ActivatedDevice(
                deviceId,
                organizationId,
                request.deviceModel(),
                request.serialNumber(),
                enrollment,
                clock.instant(),
                certificate.leaf().getNotAfter().toInstant());
        devices.add(device);
        return new Enrolled(new ActivationResponse(deviceId, organizationId, certificate.pemChain(), settings), device);
    }

    /** Every device enrolled, in order. */
    List<ActivatedDevice> all() {
        return List.copyOf(devices);
    }

    private boolean isTaken(String deviceId) {
        return devices.stream().anyMatch(device -> device.deviceId().equals(deviceId));
    }

    /** What the device receives, and what the administrator sees. */
    record Enrolled(ActivationResponse response, ActivatedDevice device) {}
}
