package com.roomagent.protocol.upgrade;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the upgrade service publishes at {@code GET {upgradeUrl}/v1/manifest} (R19): the newest
 * image. The manifest's exact bytes are signed (see {@link ManifestSignature}); the agent checks
 * the signature over those bytes before it reads a field, and the image's size and SHA-256 digest
 * before it hands the image to the installer.
 *
 * @param version the image's semantic version (semver.org 2.0.0), for example {@code 1.4.0}
 * @param imageUrl where to download the image (https)
 * @param sizeBytes the image's exact size in bytes
 * @param sha256 the image's SHA-256 digest, 64 lower-case hexadecimal digits
 */
public record UpgradeManifest(String version, URI imageUrl, long sizeBytes, String sha256) {
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

    public UpgradeManifest {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(imageUrl, "imageUrl");
        Objects.requireNonNull(sha256, "sha256");
        sha256 = sha256.toLowerCase(Locale.ROOT);
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes " + sizeBytes + " is negative");
        }
        if (!HEX_SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 is not 64 hexadecimal digits");
        }
    }
}
