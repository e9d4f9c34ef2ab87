package com.roomagent.agent.upgrade;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.roomagent.agent.discovery.CloudExchange;
import com.roomagent.agent.discovery.CloudRequestException;
import com.roomagent.agent.provisioning.AtomicFiles;
import com.roomagent.protocol.discovery.DiscoveryJson;
import com.roomagent.protocol.upgrade.ManifestSignature;
import com.roomagent.protocol.upgrade.UpgradeManifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One software upgrade check (R19, docs/cloud-services.md): fetches the manifest and its signature
 * from the upgrade URL, verifies the Ed25519 signature over the manifest's exact bytes with the
 * pinned key before reading it, refuses a version that is not newer, downloads the image under
 * {@code <state dir>/upgrade} within the announced size, verifies size and SHA-256, and only then
 * hands it to the {@link Installer}. A partial or refused download is deleted; an image is
 * renamed to its final name only once verified, so no half-written image ever carries it.
 *
 * <p>Checks run one at a time ({@link #check()} is synchronized). Does not own the {@link
 * HttpClient}.
 */
public final class UpgradeChecker {
    /** The directory under the state directory that holds downloads and the installed version. */
    public static final String DIRECTORY = "upgrade";

    static final String INSTALLED_FILE = "installed.properties";
    private static final String PARTIAL_SUFFIX = ".part";
    private static final Logger LOG = LoggerFactory.getLogger(UpgradeChecker.class);
    private static final ObjectMapper JSON = DiscoveryJson.mapper();

    private final HttpClient http;
    private final URI upgradeUrl;
    private final PublicKey signingKey;
    private final Path directory;
    private final SemanticVersion running;
    private final long maxImageBytes;
    private final Duration requestTimeout;
    private final Duration downloadTimeout;
    private final Optional<Installer> installer;

    /**
     * @param http the client for the upgrade URL (device TLS, proxy as configured)
     * @param upgradeUrl {@code cloud.upgradeUrl}
     * @param signingKey the pinned Ed25519 key ({@code upgrade.signingKey})
     * @param stateDirectory the agent's state directory; downloads go to its {@value #DIRECTORY}
     * @param running the version of the software running now
     * @param maxImageBytes the largest image accepted
     * @param installer the installer hook; empty to verify without installing
     */
    public UpgradeChecker(
            HttpClient http,
            URI upgradeUrl,
            PublicKey signingKey,
            Path stateDirectory,
            SemanticVersion running,
            long maxImageBytes,
            Duration requestTimeout,
            Duration downloadTimeout,
            Optional<Installer> installer) {
        this.http = Objects.requireNonNull(http, "http");
        this.upgradeUrl = Objects.requireNonNull(upgradeUrl, "upgradeUrl");
        this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
        this.directory = stateDirectory.resolve(DIRECTORY);
        this.running = Objects.requireNonNull(running, "running");
        this.maxImageBytes = maxImageBytes;
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.downloadTimeout = Objects.requireNonNull(downloadTimeout, "downloadTimeout");
        this.installer = Objects.requireNonNull(installer, "installer");
    }

    /** Where the manifest is. */
    public URI manifestUri() {
        return CloudExchange.resolve(upgradeUrl, "/v1/manifest");
    }

    /**
     * The version the device has: the newer of the running one and the last one the installer hook
     * installed (which runs after the next reboot).
     */
    public synchronized SemanticVersion currentVersion() {
        return installedVersion()
                .filter(installed -> installed.isNewerThan(running))
                .orElse(running);
    }

    /** Checks once, and installs a newer verified image. Never throws: the outcome says what happened. */
    public synchronized UpgradeOutcome check() throws InterruptedException {
        UpgradeOutcome outcome = checkOnce();
        switch (outcome.status()) {
            case REFUSED ->
                LOG.warn(
                        "event=upgrade-refused reason={} version={} url={} message=\"{}\"",
                        outcome.refusal().orElseThrow().id(),
                        outcome.version().orElse("-"),
                        upgradeUrl,
                        outcome.message());
            case FAILED -> LOG.warn("event=upgrade-check-failed url={} message=\"{}\"", upgradeUrl, outcome.message());
            default ->
                LOG.info(
                        "event=upgrade-checked status={} version={} url={}",
                        outcome.status().name().toLowerCase(java.util.Locale.ROOT),
                        outcome.version().orElse("-"),
                        upgradeUrl);
        }
        return outcome;
    }

    private UpgradeOutcome checkOnce() throws InterruptedException {
        URI manifestUri = manifestUri();
        URI signatureUri = CloudExchange.resolve(upgradeUrl, "/v1/manifest.sig");
        byte[] manifestBytes;
        String signatureBody;
        try {
            manifestBytes = CloudExchange.sendForBytes(
                    http,
                    HttpRequest.newBuilder(manifestUri)
                            .timeout(requestTimeout)
                            .GET()
                            .build());
        } catch (CloudRequestException e) {
            return UpgradeOutcome.of(
                    UpgradeOutcome.Status.FAILED,
                    null,
                    "cannot fetch the upgrade manifest: " + e.getMessage()
                            + "; the agent tries again at the next check (check cloud.upgradeUrl and the firewall)");
        }
        try {
            signatureBody = get(signatureUri);
        } catch (CloudRequestException e) {
            if (e.status().orElse(0) == 404) {
                return UpgradeOutcome.refused(
                        UpgradeRefusal.UNSIGNED_MANIFEST,
                        null,
                        "the manifest at " + manifestUri + " has no signature (" + signatureUri + " answered 404);"
                                + " unsigned upgrades are never installed: publish the image signed with the"
                                + " organization's upgrade-signing key");
            }
            return UpgradeOutcome.of(
                    UpgradeOutcome.Status.FAILED,
                    null,
                    "cannot fetch the manifest's signature: " + e.getMessage() + "; the agent tries again later");
        }
        Optional<String> badSignature = verifySignature(manifestBytes, signatureBody);
        if (badSignature.isPresent()) {
            return UpgradeOutcome.refused(
                    UpgradeRefusal.BAD_SIGNATURE,
                    null,
                    "the manifest at " + manifestUri + " is not signed by the pinned upgrade-signing key ("
                            + badSignature.get() + "); nothing was downloaded. If the organization changed its"
                            + " key, update upgrade.signingKey; otherwise the upgrade service or the network"
                            + " path is serving forged content");
        }
        UpgradeManifest manifest;
        SemanticVersion offered;
        try {
            manifest = JSON.readValue(manifestBytes, UpgradeManifest.class);
            offered = SemanticVersion.parse(manifest.version());
        } catch (IOException | IllegalArgumentException e) {
            return UpgradeOutcome.refused(
                    UpgradeRefusal.MALFORMED_MANIFEST,
                    null,
                    "the signed manifest at " + manifestUri + " cannot be read (" + firstLine(e.getMessage())
                            + "); report it to the organization's upgrade publisher");
        }
        String version = offered.toString();
        SemanticVersion current = currentVersion();
        if (offered.compareTo(current) == 0) {
            return UpgradeOutcome.of(
                    UpgradeOutcome.Status.UP_TO_DATE, version, "version " + version + " is already the current one");
        }
        if (!offered.isNewerThan(current)) {
            return UpgradeOutcome.refused(
                    UpgradeRefusal.DOWNGRADE,
                    version,
                    "the manifest at " + manifestUri + " offers " + version + ", older than " + current
                            + " on this device; downgrades are refused. Publish a newer version to roll back");
        }
        if (!"https".equalsIgnoreCase(manifest.imageUrl().getScheme())
                || manifest.imageUrl().getHost() == null) {
            return UpgradeOutcome.refused(
                    UpgradeRefusal.MALFORMED_MANIFEST,
                    version,
                    "the manifest at " + manifestUri + " names an image URL that is not https (" + manifest.imageUrl()
                            + "); report it to the organization's upgrade publisher");
        }
        if (manifest.sizeBytes() > maxImageBytes) {
            return UpgradeOutcome.refused(
                    UpgradeRefusal.TOO_LARGE,
                    version,
                    "the image of " + version + " is " + manifest.sizeBytes() + " bytes, more than the "
                            + maxImageBytes + " allowed (upgrade.maxImageMegabytes); raise the limit if the image is"
                            + " expected to be this large");
        }
        return downloadAndInstall(manifest, version);
    }

    private UpgradeOutcome downloadAndInstall(UpgradeManifest manifest, String version) throws InterruptedException {
        Path partial = directory.resolve("image-" + version + PARTIAL_SUFFIX);
        Path verified = directory.resolve("image-" + version + ".img");
        try {
            Files.createDirectories(directory);
            removeLeftovers();
            Optional<UpgradeOutcome> refused = download(manifest, version, partial);
            if (refused.isPresent()) {
                return refused.get();
            }
            Files.move(partial, verified, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (CloudRequestException e) {
            return UpgradeOutcome.of(
                    UpgradeOutcome.Status.FAILED,
                    version,
                    "cannot download the image of " + version + ": " + e.getMessage()
                            + "; the agent tries again later");
        } catch (IOException e) {
            return UpgradeOutcome.of(
                    UpgradeOutcome.Status.FAILED,
                    version,
                    "cannot store the image of " + version + " under " + directory + ": " + e.getMessage()
                            + "; check free space and permissions of the state directory");
        } finally {
            deleteQuietly(partial);
        }
        LOG.info(
                "event=upgrade-verified version={} sha256={} bytes={}",
                version,
                manifest.sha256(),
                manifest.sizeBytes());
        if (installer.isEmpty()) {
            return UpgradeOutcome.of(
                    UpgradeOutcome.Status.VERIFIED_NOT_INSTALLED,
                    version,
                    "version " + version + " is downloaded and verified at " + verified
                            + ", but upgrade.installCommand is empty, so it is not installed");
        }
        try {
            installer.get().install(verified, version);
            recordInstalled(version);
            return UpgradeOutcome.of(
                    UpgradeOutcome.Status.INSTALLED,
                    version,
                    "version " + version + " is verified and installed; it runs after the next restart");
        } catch (InstallFailedException e) {
            return UpgradeOutcome.of(
                    UpgradeOutcome.Status.FAILED,
                    version,
                    "the installer hook failed for " + version + ": " + e.getMessage());
        } catch (IOException e) {
            return UpgradeOutcome.of(
                    UpgradeOutcome.Status.FAILED,
                    version,
                    "version " + version + " was installed but " + directory.resolve(INSTALLED_FILE)
                            + " cannot be written: " + e.getMessage());
        } finally {
            deleteQuietly(verified);
        }
    }

    /**
     * Streams the image into {@code partial}, stopping past the announced size; empty when size
     * and digest match the manifest.
     */
    private Optional<UpgradeOutcome> download(UpgradeManifest manifest, String version, Path partial)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(manifest.imageUrl())
                .timeout(downloadTimeout)
                .GET()
                .build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new CloudRequestException(
                    CloudRequestException.Step.IO, "GET", manifest.imageUrl(), 0, String.valueOf(e.getMessage()), e);
        }
        MessageDigest digest = sha256();
        long received = 0;
        try (InputStream in = response.body();
                OutputStream out = Files.newOutputStream(partial)) {
            if (response.statusCode() != 200) {
                throw new CloudRequestException(
                        CloudRequestException.Step.HTTP_STATUS,
                        "GET",
                        manifest.imageUrl(),
                        response.statusCode(),
                        "status " + response.statusCode(),
                        null);
            }
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                received += read;
                if (received > manifest.sizeBytes()) {
                    return Optional.of(wrongSize(manifest, version, "more than"));
                }
                digest.update(buffer, 0, read);
                out.write(buffer, 0, read);
            }
        }
        if (received != manifest.sizeBytes()) {
            return Optional.of(wrongSize(manifest, version, received + " bytes instead of"));
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(manifest.sha256())) {
            return Optional.of(UpgradeOutcome.refused(
                    UpgradeRefusal.DIGEST_MISMATCH,
                    version,
                    "the image at " + manifest.imageUrl() + " has SHA-256 " + actual + ", not the signed manifest's "
                            + manifest.sha256() + "; it was deleted and not installed. The download was corrupted"
                            + " or tampered with on the way; the agent tries again at the next check"));
        }
        return Optional.empty();
    }

    private static UpgradeOutcome wrongSize(UpgradeManifest manifest, String version, String what) {
        return UpgradeOutcome.refused(
                UpgradeRefusal.WRONG_SIZE,
                version,
                "the image at " + manifest.imageUrl() + " has " + what + " the " + manifest.sizeBytes()
                        + " bytes the signed manifest announces; it was deleted and not installed");
    }

    /** Empty when {@code signatureBody} is a valid Ed25519 signature of {@code manifest}; else why not. */
    private Optional<String> verifySignature(byte[] manifest, String signatureBody) {
        ManifestSignature signature;
        try {
            signature = JSON.readValue(signatureBody, ManifestSignature.class);
        } catch (JsonProcessingException e) {
            return Optional.of("the signature document is not valid JSON");
        }
        if (signature == null || !ManifestSignature.ED25519.equals(signature.algorithm())) {
            return Optional.of("the signature is not " + ManifestSignature.ED25519);
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(signingKey);
            verifier.update(manifest);
            return verifier.verify(Base64.getDecoder().decode(signature.signature()))
                    ? Optional.empty()
                    : Optional.of("the signature does not verify");
        } catch (IllegalArgumentException e) {
            return Optional.of("the signature is not base64");
        } catch (GeneralSecurityException e) {
            return Optional.of("the signature cannot be checked: " + e.getMessage());
        }
    }

    private String get(URI uri) throws CloudRequestException {
        return CloudExchange.send(
                http, HttpRequest.newBuilder(uri).timeout(requestTimeout).GET().build());
    }

    private Optional<SemanticVersion> installedVersion() {
        Path file = directory.resolve(INSTALLED_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
            return Optional.of(SemanticVersion.parse(properties.getProperty("version")));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("event=upgrade-installed-version-unreadable file={} error=\"{}\"", file, e.getMessage());
            return Optional.empty();
        }
    }

    private void recordInstalled(String version) throws IOException {
        AtomicFiles.write(
                directory.resolve(INSTALLED_FILE),
                ("# The version the installer hook installed last; written by the agent.\nversion=" + version + "\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Deletes downloads a crash left behind: partial files and images never handed over. */
    private void removeLeftovers() throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "image-*")) {
            for (Path entry : entries) {
                deleteQuietly(entry);
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("event=upgrade-cleanup-failed file={} error=\"{}\"", file, e.getMessage());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the Java runtime has no SHA-256", e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
