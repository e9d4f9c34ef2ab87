package com.roomagent.provisioning.identity;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device's identity on disk, in a state directory, stored so that a kill or a power cut at any
 * instant leaves either the old complete identity or the new complete one, never a mix.
 *
 * <p>Layout: every identity is written whole into a new directory {@code identity.<n>} (the key,
 * the chain, {@code identity.properties} and {@code provisioned.properties}), each file and then
 * the directory forced to disk; only then does a symbolic link {@code identity} switch to it, by a
 * rename, which is atomic (POSIX {@code rename(2)}). What {@code identity} points to is the identity;
 * anything else is a leftover of an interrupted save, ignored by {@link #load()} and removed by the
 * next {@link #save}. Directories are 0700 and files 0600, from their creation.
 *
 * <p>Thread-safe; one agent process owns a state directory (a second process saving into it at the
 * same time could delete the directory the first one is switching to).
 */
public final class IdentityStore {
    /** The symbolic link to the current identity's directory, in the state directory. */
    public static final String IDENTITY_LINK = "identity";
    /** The configuration layer the cloud provisioned: {@code device.id}, {@code cloud.signalingUrl}. */
    public static final String PROVISIONED_FILE = "provisioned.properties";

    static final String TEMPORARY_LINK = "identity.tmp-link";
    static final String PENDING_KEY_FILE = "pending-key.pem";

    private static final Logger log = LoggerFactory.getLogger(IdentityStore.class);
    private static final Pattern VERSION = Pattern.compile("identity\\.([0-9]{1,18})");
    private static final String RESET_HINT = "; run `room-agent factory-reset` to start provisioning again";

    private final Path stateDirectory;

    /** A store in {@code stateDirectory}, which is created (0700) at the first save if missing. */
    public IdentityStore(Path stateDirectory) {
        this.stateDirectory = Objects.requireNonNull(stateDirectory, "stateDirectory");
    }

    /**
     * The provisioned configuration layer, {@code <state dir>/identity/provisioned.properties}: it
     * changes together with the identity, because it is part of it. Absent until the first save.
     */
    public Path provisionedSettingsFile() {
        return stateDirectory.resolve(IDENTITY_LINK).resolve(PROVISIONED_FILE);
    }

    /**
     * The stored identity, checked: every file present and parsed, the key matching the device
     * certificate, the provisioned settings belonging to the same identity.
     *
     * @return empty if the device has never been provisioned, or was factory reset
     * @throws IdentityStoreException if an identity is there but broken; the message names the file
     */
    public synchronized Optional<DeviceIdentity> load() throws IdentityStoreException {
        Path link = stateDirectory.resolve(IDENTITY_LINK);
        if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        if (!Files.isSymbolicLink(link)) {
            throw new IdentityStoreException(link, "is not a symbolic link to an identity.<n> directory" + RESET_HINT);
        }
        Path directory;
        try {
            // Resolved once, so every file comes from the same version even if the link is replaced.
            directory = stateDirectory.resolve(Files.readSymbolicLink(link));
        } catch (IOException e) {
            throw new IdentityStoreException(link, "cannot be read (" + e.getMessage() + ")" + RESET_HINT, e);
        }
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            throw new IdentityStoreException(
                    link, "points to " + directory + ", which is not a directory" + RESET_HINT);
        }
        return Optional.of(IdentityFiles.read(directory, RESET_HINT));
    }

    /**
     * Stores {@code identity} in place of the current one, atomically, then removes older versions
     * and the pending key, if it is this identity's key.
     *
     * @throws IdentityStoreException if it cannot be stored; the previous identity is then unchanged
     *     unless the message says otherwise
     */
    public synchronized void save(DeviceIdentity identity) throws IdentityStoreException {
        Objects.requireNonNull(identity, "identity");
        if (!KeyChecks.belongTogether(
                identity.privateKey(), identity.certificate().getPublicKey())) {
            throw new IdentityStoreException(
                    stateDirectory,
                    "refusing to store an identity whose private key does not belong to its certificate"
                            + " (subject "
                            + identity.certificate().getSubjectX500Principal().getName()
                            + "); nothing was written");
        }
        // Where a failure happened; the new version's directory once it has a name.
        Path directory = stateDirectory;
        boolean created = false;
        boolean switched = false;
        try {
            StateFiles.ensureDirectory(stateDirectory);
            directory = stateDirectory.resolve("identity." + nextVersion());
            created = true;
            IdentityFiles.write(directory, identity);
            Path temporaryLink = stateDirectory.resolve(TEMPORARY_LINK);
            Files.deleteIfExists(temporaryLink);
            // A relative target, so the state directory can be moved or mounted elsewhere.
            Files.createSymbolicLink(temporaryLink, directory.getFileName());
            Files.move(temporaryLink, stateDirectory.resolve(IDENTITY_LINK), StandardCopyOption.ATOMIC_MOVE);
            switched = true;
            StateFiles.syncDirectory(stateDirectory);
        } catch (IOException e) {
            if (created && !switched) {
                // Never the state directory itself: only the version this save began.
                discard(directory);
            }
            throw new IdentityStoreException(
                    directory,
                    (switched
                                    ? "the new identity is in place but may not survive a power cut ("
                                    : "the identity could not be stored; the previous one is unchanged (")
                            + e + "); check that the disk is writable and not full, then enroll again",
                    e);
        }
        removeVersionsOtherThan(directory);
        clearPendingKeyIfItBelongsTo(identity);
        log.info(
                "identity stored deviceId={} organizationId={} directory={}",
                identity.deviceId(),
                identity.organizationId(),
                directory);
    }

    /**
     * Forgets the identity: the pending key, then the link (from that instant nothing is loadable),
     * then every identity directory with its private key. Safe to run again after an interruption.
     *
     * @throws IdentityStoreException if something could not be deleted; the message names it
     */
    public synchronized void factoryReset() throws IdentityStoreException {
        if (!Files.isDirectory(stateDirectory)) {
            return;
        }
        Path current = stateDirectory;
        try {
            // The pending key first: an unprovisioned device with an old key left would reuse it.
            current = pendingKeyFile();
            deletePendingKeyFiles();
            for (String name : List.of(IDENTITY_LINK, TEMPORARY_LINK)) {
                current = stateDirectory.resolve(name);
                StateFiles.deleteTree(current);
            }
            current = stateDirectory;
            StateFiles.syncDirectory(stateDirectory);
            for (Path version : versions()) {
                current = version;
                StateFiles.deleteTree(version);
            }
            current = stateDirectory;
            StateFiles.syncDirectory(stateDirectory);
        } catch (IOException e) {
            throw new IdentityStoreException(
                    current, "factory reset did not finish (" + e + "); fix the cause and run it again", e);
        }
        log.info("factory reset done stateDirectory={}", stateDirectory);
    }

    /**
     * Keeps the key pair of an enrollment in progress (0600, replaced atomically), before its CSR is
     * sent: if the device stops after the cloud accepted the code but before the certificate is
     * stored, it retries with the same key, which the cloud treats as the same request.
     */
    public synchronized void savePendingKey(KeyPair keys) throws IdentityStoreException {
        Objects.requireNonNull(keys, "keys");
        Path file = pendingKeyFile();
        try {
            StateFiles.ensureDirectory(stateDirectory);
            StateFiles.replace(file, Pem.write(keys));
        } catch (IOException e) {
            throw new IdentityStoreException(
                    file,
                    "the enrollment key could not be stored (" + e + "); check that the disk is writable and not"
                            + " full",
                    e);
        }
    }

    /** The key pair of an enrollment in progress, if one was saved and not cleared. */
    public synchronized Optional<KeyPair> loadPendingKey() throws IdentityStoreException {
        Path file = pendingKeyFile();
        KeyPair keys;
        try {
            keys = Pem.readKeyPair(StateFiles.read(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IdentityStoreException(
                    file, "is not a readable key pair (" + e.getMessage() + ")" + RESET_HINT, e);
        }
        if (!KeyChecks.belongTogether(keys.getPrivate(), keys.getPublic())) {
            throw new IdentityStoreException(
                    file, "holds a private key and a public key that do not belong together" + RESET_HINT);
        }
        return Optional.of(keys);
    }

    /** Removes the pending key pair: the enrollment finished or was abandoned. */
    public synchronized void clearPendingKey() throws IdentityStoreException {
        try {
            if (deletePendingKeyFiles()) {
                StateFiles.syncDirectory(stateDirectory);
            }
        } catch (IOException e) {
            throw new IdentityStoreException(pendingKeyFile(), "could not be deleted (" + e + ")", e);
        }
    }

    private Path pendingKeyFile() {
        return stateDirectory.resolve(PENDING_KEY_FILE);
    }

    private boolean deletePendingKeyFiles() throws IOException {
        boolean deleted = Files.deleteIfExists(pendingKeyFile());
        return Files.deleteIfExists(pendingKeyFile().resolveSibling(PENDING_KEY_FILE + ".tmp")) || deleted;
    }

    private void clearPendingKeyIfItBelongsTo(DeviceIdentity identity) {
        try {
            Optional<KeyPair> pending = loadPendingKey();
            if (pending.isPresent()
                    && KeyChecks.belongTogether(
                            pending.get().getPrivate(), identity.certificate().getPublicKey())) {
                clearPendingKey();
            }
        } catch (IdentityStoreException e) {
            // The identity is stored; a pending key we cannot read or delete is left for factory reset.
            log.warn("pending key left in place reason=\"{}\"", e.getMessage());
        }
    }

    private long nextVersion() throws IOException {
        long highest = 0;
        for (Path version : versions()) {
            Matcher matcher = VERSION.matcher(version.getFileName().toString());
            if (matcher.matches()) {
                highest = Math.max(highest, Long.parseLong(matcher.group(1)));
            }
        }
        return highest + 1;
    }

    private List<Path> versions() throws IOException {
        List<Path> versions = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(stateDirectory, "identity.*")) {
            for (Path entry : entries) {
                if (VERSION.matcher(entry.getFileName().toString()).matches()) {
                    versions.add(entry);
                }
            }
        }
        return versions;
    }

    /** Removes leftovers: older identities, and the partial ones of interrupted saves. */
    private void removeVersionsOtherThan(Path current) {
        try {
            for (Path version : versions()) {
                if (!version.getFileName().equals(current.getFileName())) {
                    discard(version);
                }
            }
            StateFiles.syncDirectory(stateDirectory);
        } catch (IOException e) {
            log.warn("old identity directories left in place stateDirectory={} reason=\"{}\"", stateDirectory, e);
        }
    }

    private static void discard(Path directory) {
        try {
            StateFiles.deleteTree(directory);
        } catch (IOException e) {
            // Not loadable, since no link points to it; the next save or factory reset retries.
            log.warn("could not remove directory={} reason=\"{}\"", directory, e.toString());
        }
    }
}
