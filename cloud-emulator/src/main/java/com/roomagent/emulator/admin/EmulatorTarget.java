package com.roomagent.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.roomagent.emulator.ca.CertificateAuthority;
import com.roomagent.emulator.provisioning.AdminToken;
import com.roomagent.protocol.discovery.DiscoveryJson;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a running emulator is and how to talk to it: its signaling URI, the CA certificate to
 * trust, and the admin token file.
 *
 * @param signalingUri the emulator's base URI, for example {@code https://127.0.0.1:443}
 * @param caCertificate the {@code ca.pem} to trust
 * @param adminTokenFile the {@code admin-token} to present
 */
public record EmulatorTarget(URI signalingUri, Path caCertificate, Path adminTokenFile) {
    /** The signaling URI of the built-in configuration, which {@code bin/cloud-emulator} runs. */
    public static final URI DEFAULT_URI = URI.create("https://127.0.0.1:443");

    static final String START_HINT = "is the cloud emulator running? start it with bin/cloud-emulator";

    public EmulatorTarget {
        Objects.requireNonNull(signalingUri, "signalingUri");
        Objects.requireNonNull(caCertificate, "caCertificate");
        Objects.requireNonNull(adminTokenFile, "adminTokenFile");
    }

    /** The emulator at {@code uri} whose state directory is {@code stateDir}. */
    public static EmulatorTarget of(URI uri, Path stateDir) {
        return new EmulatorTarget(
                uri, stateDir.resolve(CertificateAuthority.CERTIFICATE_FILE), stateDir.resolve(AdminToken.FILE));
    }

    /**
     * The emulator that wrote {@code readyFile} ({@code --ready-file}): its URI, CA certificate and
     * admin token file as the file names them.
     *
     * @throws AdminClientException when the file is missing (the emulator is not running, or not
     *     ready yet) or unreadable
     */
    public static EmulatorTarget fromReadyFile(Path readyFile) throws AdminClientException {
        JsonNode ready;
        try {
            ready = DiscoveryJson.mapper().readTree(Files.readString(readyFile));
        } catch (NoSuchFileException e) {
            throw new AdminClientException(
                    "no ready file at " + readyFile + "; " + START_HINT + " --ready-file " + readyFile, e);
        } catch (IOException e) {
            throw new AdminClientException("cannot read the ready file " + readyFile + ": " + e.getMessage(), e);
        }
        if (ready == null || !ready.hasNonNull("signalingUri") || !ready.hasNonNull("caCertificate")) {
            throw new AdminClientException(
                    readyFile + " is not an emulator ready file (it lacks signalingUri or caCertificate)");
        }
        Path ca = Path.of(ready.get("caCertificate").asText());
        Path token = ready.hasNonNull("adminTokenFile")
                ? Path.of(ready.get("adminTokenFile").asText())
                : ca.resolveSibling(AdminToken.FILE);
        try {
            return new EmulatorTarget(new URI(ready.get("signalingUri").asText()), ca, token);
        } catch (java.net.URISyntaxException e) {
            throw new AdminClientException(readyFile + ": signalingUri is not a URI: " + e.getMessage(), e);
        }
    }
}
