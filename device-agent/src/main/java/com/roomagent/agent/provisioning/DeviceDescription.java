package com.roomagent.agent.provisioning;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * What the device says about itself when it enrolls: its model and serial number.
 *
 * @param model {@code device.model}
 * @param serialNumber {@code device.serialNumber}, or one derived by {@link #serialNumber}
 */
public record DeviceDescription(String model, String serialNumber) {
    /** Where systemd keeps the machine's identifier. */
    public static final Path MACHINE_ID = Path.of("/etc/machine-id");

    public DeviceDescription {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(serialNumber, "serialNumber");
    }

    /**
     * The serial number: {@code configured} when set; otherwise {@code RA-} and the first 12 hex
     * digits of SHA-256 over {@code room-agent:} and the machine id (systemd asks applications not
     * to expose the machine id itself, so only a hash of it leaves the device); otherwise the host
     * name.
     */
    public static String serialNumber(String configured, Path machineIdFile) {
        if (!configured.isBlank()) {
            return configured.strip();
        }
        try {
            String machineId =
                    Files.readString(machineIdFile, StandardCharsets.US_ASCII).strip();
            if (!machineId.isEmpty()) {
                byte[] digest = MessageDigest.getInstance("SHA-256")
                        .digest(("room-agent:" + machineId).getBytes(StandardCharsets.US_ASCII));
                return "RA-" + HexFormat.of().formatHex(digest, 0, 6).toUpperCase(Locale.ROOT);
            }
        } catch (IOException e) {
            // No machine id (a container, a test): fall back to the host name.
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "room-device";
        }
    }
}
