package com.roomagent.agent.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.agent.upgrade.UpgradeOutcome.Status;
import com.roomagent.emulator.upgrade.UpgradeSigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** R19 end to end: the agent's checker against the cloud emulator's upgrade service, over mutual TLS. */
class UpgradeAgainstEmulatorTest {
    private static final Path INSTALLER_SCRIPT = Path.of("..", "scripts", "emulated-install-image.sh");

    @TempDir
    Path directory;

    private CloudServicesFixture cloud;
    private final List<String> installed = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        cloud = CloudServicesFixture.start(directory);
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    private UpgradeChecker checker(String running, Optional<Installer> installer) throws Exception {
        return new UpgradeChecker(
                cloud.http(),
                cloud.identity().settings().upgradeUrl(),
                SigningKeys.read(cloud.emulator().upgradeSigningKey()),
                cloud.deviceState(),
                SemanticVersion.parse(running),
                1024 * 1024,
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                installer);
    }

    private UpgradeChecker recordingChecker(String running) throws Exception {
        return checker(running, Optional.of((image, version) -> {
            try {
                installed.add(version + " " + sha256(Files.readAllBytes(image)));
            } catch (IOException e) {
                throw new InstallFailedException("cannot read " + image, e);
            }
        }));
    }

    private static byte[] image(String text) {
        return ("room-agent image " + text + "\n").repeat(200).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aNewerSignedImageIsVerifiedAndHandedToTheInstallerScript() throws Exception {
        byte[] image = image("1.1.0");
        cloud.emulator().upgrades().publish("1.1.0", image);
        UpgradeChecker checker = checker(
                "1.0.0", Optional.of(new CommandInstaller(INSTALLER_SCRIPT.toString(), Duration.ofSeconds(30))));

        UpgradeOutcome outcome = checker.check();

        assertEquals(Status.INSTALLED, outcome.status(), outcome::message);
        Path log = cloud.deviceState().resolve(UpgradeChecker.DIRECTORY).resolve("installs.log");
        assertEquals(
                "installed version=1.1.0 sha256=" + sha256(image) + " bytes=" + image.length,
                Files.readString(log).strip());
        assertEquals("1.1.0", checker.currentVersion().toString());
        assertEquals(List.of(), imagesLeft(), "the verified image is deleted once installed");
        assertEquals(Status.UP_TO_DATE, checker.check().status(), "the installed version is not installed again");
    }

    @Test
    void aTamperedImageIsRefusedDeletedAndNeverInstalled() throws Exception {
        cloud.emulator().upgrades().publish("1.1.0", image("1.1.0"));
        cloud.emulator().upgrades().tamperImage();

        UpgradeOutcome outcome = recordingChecker("1.0.0").check();

        assertEquals(Optional.of(UpgradeRefusal.DIGEST_MISMATCH), outcome.refusal(), outcome::message);
        assertTrue(outcome.message().contains("/v1/images/1.1.0.img"), outcome::message);
        assertEquals(List.of(), installed);
        assertEquals(List.of(), imagesLeft());
    }

    @Test
    void anImageLongerThanTheManifestSaysIsRefused() throws Exception {
        cloud.emulator().upgrades().publish("1.1.0", image("1.1.0"));
        cloud.emulator().upgrades().appendToImage(new byte[] {1, 2, 3});

        UpgradeOutcome outcome = recordingChecker("1.0.0").check();

        assertEquals(Optional.of(UpgradeRefusal.WRONG_SIZE), outcome.refusal(), outcome::message);
        assertEquals(List.of(), installed);
        assertEquals(List.of(), imagesLeft());
    }

    @Test
    void aManifestSignedByAnotherKeyIsRefusedBeforeAnyDownload() throws Exception {
        cloud.emulator().upgrades().publishSignedBy(UpgradeSigningKey.ephemeral(), "1.1.0", image("1.1.0"));

        UpgradeOutcome outcome = recordingChecker("1.0.0").check();

        assertEquals(Optional.of(UpgradeRefusal.BAD_SIGNATURE), outcome.refusal(), outcome::message);
        assertTrue(outcome.message().contains("upgrade.signingKey"), outcome::message);
        assertEquals(List.of(), installed);
        assertFalse(Files.exists(cloud.deviceState().resolve(UpgradeChecker.DIRECTORY)), "nothing was downloaded");
    }

    @Test
    void anUnsignedManifestIsRefused() throws Exception {
        cloud.emulator().upgrades().publishUnsigned("1.1.0", image("1.1.0"));

        UpgradeOutcome outcome = recordingChecker("1.0.0").check();

        assertEquals(Optional.of(UpgradeRefusal.UNSIGNED_MANIFEST), outcome.refusal(), outcome::message);
        assertEquals(List.of(), installed);
    }

    @Test
    void anOlderVersionIsRefusedAsADowngrade() throws Exception {
        cloud.emulator().upgrades().publish("1.9.9", image("1.9.9"));

        UpgradeOutcome outcome = recordingChecker("2.0.0").check();

        assertEquals(Optional.of(UpgradeRefusal.DOWNGRADE), outcome.refusal(), outcome::message);
        assertTrue(outcome.message().contains("1.9.9") && outcome.message().contains("2.0.0"), outcome::message);
        assertEquals(List.of(), installed);
    }

    @Test
    void theRunningVersionIsUpToDate() throws Exception {
        cloud.emulator().upgrades().publish("1.0.0", image("1.0.0"));

        assertEquals(Status.UP_TO_DATE, recordingChecker("1.0.0").check().status());
        assertEquals(List.of(), installed);
    }

    @Test
    void nothingPublishedIsAFailedCheckThatNamesTheUrl() throws Exception {
        UpgradeOutcome outcome = recordingChecker("1.0.0").check();

        assertEquals(Status.FAILED, outcome.status());
        assertTrue(outcome.message().contains("/upgrades/v1/manifest"), outcome::message);
    }

    @Test
    void withoutAnInstallerTheImageIsVerifiedAndKept() throws Exception {
        cloud.emulator().upgrades().publish("1.2.0", image("1.2.0"));

        UpgradeOutcome outcome = checker("1.0.0", Optional.empty()).check();

        assertEquals(Status.VERIFIED_NOT_INSTALLED, outcome.status(), outcome::message);
        assertEquals(List.of("image-1.2.0.img"), imagesLeft());
    }

    @Test
    void aFailingInstallerIsAFailureAndTheImageIsDeleted() throws Exception {
        cloud.emulator().upgrades().publish("1.1.0", image("1.1.0"));

        UpgradeOutcome outcome = checker("1.0.0", Optional.of((image, version) -> {
                    throw new InstallFailedException("partition busy");
                }))
                .check();

        assertEquals(Status.FAILED, outcome.status());
        assertTrue(outcome.message().contains("partition busy"), outcome::message);
        assertEquals(List.of(), imagesLeft());
    }

    private List<String> imagesLeft() throws IOException {
        Path upgrades = cloud.deviceState().resolve(UpgradeChecker.DIRECTORY);
        if (!Files.exists(upgrades)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(upgrades)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith("image-"))
                    .sorted()
                    .toList();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
