package com.roomagent.provisioning.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityStoreTest {
    private static DeviceIdentity a;
    private static DeviceIdentity b;

    @TempDir
    Path temporary;

    @BeforeAll
    static void createIdentities() throws Exception {
        a = TestIdentities.create("a");
        b = TestIdentities.create("b");
    }

    @Test
    void aDeviceNeverProvisionedHasNoIdentity() throws Exception {
        assertEquals(Optional.empty(), new IdentityStore(temporary.resolve("missing")).load());
        assertEquals(Optional.empty(), new IdentityStore(temporary).load());
    }

    @Test
    void aSavedIdentityLoadsBackUnchanged() throws Exception {
        IdentityStore store = new IdentityStore(temporary.resolve("state"));

        store.save(a);

        assertEquals(Optional.of(a), store.load());
        assertEquals(Optional.of(a), new IdentityStore(temporary.resolve("state")).load());
    }

    @Test
    void directoriesAreOwnerOnlyAndEveryFileIsOwnerReadWriteOnly() throws Exception {
        Path state = temporary.resolve("state");
        IdentityStore store = new IdentityStore(state);
        store.savePendingKey(DeviceKeys.generate());
        store.save(a);

        assertEquals("rwx------", mode(state));
        assertEquals("rwx------", mode(currentVersion(state)));
        assertEquals("rw-------", mode(state.resolve(IdentityStore.PENDING_KEY_FILE)));
        List<Path> files = list(currentVersion(state));
        assertEquals(4, files.size(), files::toString);
        for (Path file : files) {
            assertEquals("rw-------", mode(file), file::toString);
        }
    }

    @Test
    void theProvisionedLayerHoldsTheDeviceIdAndEveryUrlCategory() throws Exception {
        IdentityStore store = new IdentityStore(temporary);
        assertFalse(Files.exists(store.provisionedSettingsFile()));

        store.save(a);

        assertEquals(temporary.resolve("identity").resolve("provisioned.properties"), store.provisionedSettingsFile());
        Properties provisioned = properties(store.provisionedSettingsFile());
        assertEquals("device-a", provisioned.getProperty("device.id"));
        assertEquals("https://signaling.a.example/", provisioned.getProperty("cloud.signalingUrl"));
        assertEquals("https://content.a.example/", provisioned.getProperty("cloud.contentUrl"));
        assertEquals("https://upgrade.a.example/", provisioned.getProperty("cloud.upgradeUrl"));
        assertEquals("https://metrics.a.example/", provisioned.getProperty("cloud.metricsUrl"));
    }

    @Test
    void savingAgainReplacesTheIdentityAndRemovesTheOldOne() throws Exception {
        IdentityStore store = new IdentityStore(temporary);
        store.save(a);
        Path first = currentVersion(temporary);

        store.save(b);

        assertEquals(Optional.of(b), store.load());
        assertFalse(Files.exists(first));
        assertEquals(List.of("identity", currentVersion(temporary).getFileName().toString()), names(temporary));
        assertEquals("device-b", properties(store.provisionedSettingsFile()).getProperty("device.id"));
    }

    @Test
    void leftoversOfAnInterruptedSaveAreIgnoredThenRemovedByTheNextSave() throws Exception {
        IdentityStore store = new IdentityStore(temporary);
        store.save(a);
        Path partial = Files.createDirectory(temporary.resolve("identity.99"));
        Files.writeString(partial.resolve(IdentityFiles.KEY_FILE), "half a key");
        Files.createSymbolicLink(temporary.resolve(IdentityStore.TEMPORARY_LINK), partial.getFileName());

        assertEquals(Optional.of(a), store.load());

        store.save(b);
        assertEquals(Optional.of(b), store.load());
        assertEquals("identity.100", currentVersion(temporary).getFileName().toString());
        assertEquals(List.of("identity", "identity.100"), names(temporary));
    }

    @Test
    void factoryResetLeavesNothingLoadableAndNoKeyBehind() throws Exception {
        IdentityStore store = new IdentityStore(temporary);
        store.save(a);
        store.savePendingKey(DeviceKeys.generate());
        Files.createDirectory(temporary.resolve("identity.77"));

        store.factoryReset();

        assertEquals(Optional.empty(), store.load());
        assertEquals(Optional.empty(), store.loadPendingKey());
        assertFalse(Files.exists(store.provisionedSettingsFile()));
        assertEquals(List.of(), names(temporary));
    }

    @Test
    void factoryResetOfADeviceNeverProvisionedSucceeds() throws Exception {
        new IdentityStore(temporary.resolve("missing")).factoryReset();
        new IdentityStore(temporary).factoryReset();

        assertEquals(List.of(), names(temporary));
    }

    @Test
    void aPendingKeyLoadsBackUntilCleared() throws Exception {
        IdentityStore store = new IdentityStore(temporary.resolve("state"));
        KeyPair keys = DeviceKeys.generate();
        assertEquals(Optional.empty(), store.loadPendingKey());

        store.savePendingKey(keys);
        KeyPair loaded = store.loadPendingKey().orElseThrow();

        assertEquals(keys.getPublic(), loaded.getPublic());
        assertEquals(keys.getPrivate(), loaded.getPrivate());
        store.clearPendingKey();
        assertEquals(Optional.empty(), store.loadPendingKey());
        assertEquals(List.of(), names(temporary.resolve("state")));
    }

    @Test
    void savingTheIdentityClearsThePendingKeyItWasEnrolledWith() throws Exception {
        KeyPair keys = DeviceKeys.generate();
        DeviceIdentity identity = new DeviceIdentity(
                "device-k",
                "organization-k",
                keys.getPrivate(),
                List.of(TestIdentities.selfSigned(keys, "device-k")),
                a.settings(),
                a.provisionedAt());
        IdentityStore store = new IdentityStore(temporary);
        store.savePendingKey(keys);

        store.save(identity);

        assertEquals(Optional.empty(), store.loadPendingKey());
    }

    @Test
    void savingAnotherIdentityKeepsThePendingKeyOfAnEnrollmentInProgress() throws Exception {
        KeyPair pending = DeviceKeys.generate();
        IdentityStore store = new IdentityStore(temporary);
        store.savePendingKey(pending);

        store.save(a);

        assertEquals(pending.getPublic(), store.loadPendingKey().orElseThrow().getPublic());
    }

    @Test
    void aKeyThatDoesNotMatchTheCertificateIsReportedWithTheFileAndTheRemedy() throws Exception {
        IdentityStore store = new IdentityStore(temporary);
        store.save(a);
        Path keyFile = currentVersion(temporary).resolve(IdentityFiles.KEY_FILE);
        Files.writeString(keyFile, Pem.write(b.privateKey()));

        var e = assertThrows(IdentityStoreException.class, store::load);

        assertEquals(keyFile, e.path());
        assertTrue(e.getMessage().contains("does not match the device certificate"), e.getMessage());
        assertTrue(e.getMessage().contains("room-agent factory-reset"), e.getMessage());
    }

    @Test
    void aMissingFileIsReportedByName() throws Exception {
        IdentityStore store = new IdentityStore(temporary);
        store.save(a);
        Path chain = currentVersion(temporary).resolve(IdentityFiles.CHAIN_FILE);
        Files.delete(chain);

        var e = assertThrows(IdentityStoreException.class, store::load);

        assertEquals(chain, e.path());
        assertTrue(e.getMessage().contains("is missing"), e.getMessage());
    }

    @Test
    void provisionedSettingsOfAnotherIdentityAreReported() throws Exception {
        IdentityStore store = new IdentityStore(temporary);
        store.save(a);
        Path provisioned = currentVersion(temporary).resolve(IdentityStore.PROVISIONED_FILE);
        Files.writeString(provisioned, "device.id=device-b\ncloud.signalingUrl=https://signaling.a.example/\n");

        var e = assertThrows(IdentityStoreException.class, store::load);

        assertEquals(provisioned, e.path());
        assertTrue(e.getMessage().contains("does not belong to the identity"), e.getMessage());
    }

    @Test
    void aLinkToNothingIsReported() throws Exception {
        Files.createSymbolicLink(temporary.resolve("identity"), Path.of("identity.5"));

        var e = assertThrows(IdentityStoreException.class, () -> new IdentityStore(temporary).load());

        assertTrue(e.getMessage().contains("which is not a directory"), e.getMessage());
        assertTrue(e.getMessage().contains("room-agent factory-reset"), e.getMessage());
    }

    @Test
    void factoryResetRecoversFromABrokenStore() throws Exception {
        IdentityStore store = new IdentityStore(temporary);
        store.save(a);
        Files.writeString(currentVersion(temporary).resolve(IdentityFiles.KEY_FILE), "garbage");
        assertThrows(IdentityStoreException.class, store::load);

        store.factoryReset();

        assertEquals(Optional.empty(), store.load());
    }

    @Test
    void anIdentityWhoseKeyIsNotItsCertificatesIsNeverWritten() throws Exception {
        DeviceIdentity mixed = new DeviceIdentity(
                a.deviceId(),
                a.organizationId(),
                b.privateKey(),
                a.certificateChain(),
                a.settings(),
                a.provisionedAt());
        IdentityStore store = new IdentityStore(temporary);

        var e = assertThrows(IdentityStoreException.class, () -> store.save(mixed));

        assertTrue(e.getMessage().contains("nothing was written"), e.getMessage());
        assertEquals(List.of(), names(temporary));
    }

    @Test
    void aSaveThatCannotCreateTheStateDirectoryFailsClearlyAndDeletesNothing() throws Exception {
        Path notADirectory = Files.writeString(temporary.resolve("state"), "someone else's file");

        var e = assertThrows(IdentityStoreException.class, () -> new IdentityStore(notADirectory).save(a));

        assertEquals(notADirectory, e.path());
        assertTrue(e.getMessage().contains("the previous one is unchanged"), e.getMessage());
        assertEquals("someone else's file", Files.readString(notADirectory));
    }

    static Path currentVersion(Path state) throws IOException {
        return state.resolve(Files.readSymbolicLink(state.resolve("identity")));
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    private static List<Path> list(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.sorted().collect(Collectors.toList());
        }
    }

    private static List<String> names(Path directory) throws IOException {
        return list(directory).stream().map(p -> p.getFileName().toString()).collect(Collectors.toList());
    }

    private static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }
}
