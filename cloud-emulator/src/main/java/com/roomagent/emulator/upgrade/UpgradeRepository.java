package com.roomagent.emulator.upgrade;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.roomagent.protocol.discovery.DiscoveryJson;
import com.roomagent.protocol.upgrade.ManifestSignature;
import com.roomagent.protocol.upgrade.UpgradeManifest;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulated upgrade service's content (docs/cloud-emulator.md, "Software upgrades"): the one
 * published image, its manifest as served (exact bytes) and the manifest's signature. Publishing
 * replaces the previous image. The {@code tamper*} and {@code *Unsigned} methods exist for tests:
 * they break what a device receives in the ways R19 says it must refuse. Thread-safe.
 */
public final class UpgradeRepository {
    /** Versions travel in paths: semantic versions, letters, digits, {@code .+-}. */
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z.+-]{1,64}");

    private static final Logger log = LoggerFactory.getLogger(UpgradeRepository.class);
    private static final ObjectMapper JSON = DiscoveryJson.mapper();

    private final UpgradeSigningKey signingKey;
    private final URI upgradeUri;
    private Optional<Published> published = Optional.empty();

    /**
     * @param signingKey signs every manifest
     * @param upgradeUri the upgrade service's base URL; image URLs in manifests are under it
     */
    public UpgradeRepository(UpgradeSigningKey signingKey, URI upgradeUri) {
        this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
        this.upgradeUri = Objects.requireNonNull(upgradeUri, "upgradeUri");
    }

    /** What is served: the image, the manifest's bytes, and the signature (empty when unsigned). */
    public record Published(UpgradeManifest manifest, byte[] manifestBytes, byte[] image, Optional<byte[]> signature) {
        /** The signature as served at {@code /v1/manifest.sig}. */
        public Optional<ManifestSignature> signatureBody() {
            return signature.map(bytes -> new ManifestSignature(
                    ManifestSignature.ED25519, Base64.getEncoder().encodeToString(bytes)));
        }
    }

    /**
     * Publishes {@code image} as {@code version}, with a signed manifest.
     *
     * @throws IllegalArgumentException for a version that is not 1 to 64 of {@code [0-9A-Za-z.+-]}
     */
    public synchronized UpgradeManifest publish(String version, byte[] image) {
        UpgradeManifest manifest = manifest(version, image);
        byte[] bytes = bytes(manifest);
        published = Optional.of(new Published(manifest, bytes, image.clone(), Optional.of(signingKey.sign(bytes))));
        log.info("upgrade.published version={} sizeBytes={} sha256={}", version, image.length, manifest.sha256());
        return manifest;
    }

    /** Test hook: publishes with no signature at all ({@code /v1/manifest.sig} answers 404). */
    public synchronized UpgradeManifest publishUnsigned(String version, byte[] image) {
        UpgradeManifest manifest = manifest(version, image);
        published = Optional.of(new Published(manifest, bytes(manifest), image.clone(), Optional.empty()));
        log.warn("upgrade.published_unsigned version={} reason=test-hook", version);
        return manifest;
    }

    /** Test hook: publishes with a manifest signed by {@code otherKey}, not the organization's key. */
    public synchronized UpgradeManifest publishSignedBy(UpgradeSigningKey otherKey, String version, byte[] image) {
        UpgradeManifest manifest = manifest(version, image);
        byte[] bytes = bytes(manifest);
        published = Optional.of(new Published(manifest, bytes, image.clone(), Optional.of(otherKey.sign(bytes))));
        log.warn("upgrade.published_wrong_key version={} reason=test-hook", version);
        return manifest;
    }

    /**
     * Test hook: flips one bit in the middle of the published image after it was signed, as a
     * corrupted CDN cache or an attacker would; the manifest and its signature stay as they were.
     *
     * @throws IllegalStateException when nothing is published or the image is empty
     */
    public synchronized void tamperImage() {
        Published now = published.orElseThrow(() -> new IllegalStateException("nothing is published"));
        byte[] image = now.image().clone();
        if (image.length == 0) {
            throw new IllegalStateException("an empty image cannot be tampered with");
        }
        image[image.length / 2] ^= 0x01;
        published = Optional.of(new Published(now.manifest(), now.manifestBytes(), image, now.signature()));
        log.warn(
                "upgrade.image_tampered version={} reason=test-hook",
                now.manifest().version());
    }

    /** Test hook: serves the image with {@code extra} bytes appended (a wrong size, same manifest). */
    public synchronized void appendToImage(byte[] extra) {
        Published now = published.orElseThrow(() -> new IllegalStateException("nothing is published"));
        byte[] image = new byte[now.image().length + extra.length];
        System.arraycopy(now.image(), 0, image, 0, now.image().length);
        System.arraycopy(extra, 0, image, now.image().length, extra.length);
        published = Optional.of(new Published(now.manifest(), now.manifestBytes(), image, now.signature()));
    }

    /** What is published, if anything. */
    public synchronized Optional<Published> published() {
        return published;
    }

    /** The organization's signing key; its public half is what devices pin. */
    public UpgradeSigningKey signingKey() {
        return signingKey;
    }

    /** The path of the image of {@code version}, relative to the upgrade URL. */
    public static String imagePath(String version) {
        return "/v1/images/" + version + ".img";
    }

    private UpgradeManifest manifest(String version, byte[] image) {
        if (!VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("version '" + version
                    + "' is not 1 to 64 letters, digits or .+- (a semantic version such as 1.4.0)");
        }
        String base = upgradeUri.toString().replaceAll("/+$", "");
        return new UpgradeManifest(version, URI.create(base + imagePath(version)), image.length, sha256(image));
    }

    private static byte[] bytes(UpgradeManifest manifest) {
        try {
            return JSON.writeValueAsBytes(manifest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a manifest always serializes", e);
        }
    }

    private static String sha256(byte[] image) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the Java runtime has no SHA-256", e);
        }
    }
}
