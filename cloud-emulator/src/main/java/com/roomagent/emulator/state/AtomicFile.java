package com.roomagent.emulator.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a whole file so that readers see either the old content or the new, never a half-written
 * file: temporary file beside the target, write, fsync, rename, fsync the directory. A crash at any
 * point leaves at worst a stray {@code .tmp} file, never a truncated certificate or key.
 */
public final class AtomicFile {
    /** Readable by everyone, writable by the owner: certificates and the ready file. */
    public static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");

    /** Owner only: private keys. */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private AtomicFile() {}

    /**
     * Replaces {@code target} with {@code content}, created with {@code permissions} from the first
     * byte on (the permissions are set when the temporary file is created, so a key is never
     * readable by others, not even briefly).
     *
     * @throws IOException when the directory is not writable or the disk is full; {@code target} is
     *     then unchanged
     */
    public static void write(Path target, byte[] content, Set<PosixFilePermission> permissions) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Path temporary = createTemporary(directory, absolute.getFileName().toString(), permissions);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        // The rename is durable only once the directory entry is on disk.
        try (FileChannel directoryChannel = FileChannel.open(directory, StandardOpenOption.READ)) {
            directoryChannel.force(true);
        }
    }

    private static Path createTemporary(Path directory, String name, Set<PosixFilePermission> permissions)
            throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path candidate = directory.resolve("." + name + "."
                    + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                Files.createFile(candidate, PosixFilePermissions.asFileAttribute(EnumSet.copyOf(permissions)));
                // The umask may have removed bits we asked for; set them exactly.
                Files.setPosixFilePermissions(candidate, permissions);
                return candidate;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 3) {
                    throw e;
                }
            }
        }
    }
}
