package com.roomagent.provisioning.identity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Owner-only files written durably: created with their final permissions (never a moment where a
 * key is readable by others), forced to the disk before anything refers to them.
 */
final class StateFiles {
    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private StateFiles() {}

    /** Creates {@code directory} (0700) and any missing parents (0700 too); keeps an existing one as it is. */
    static void ensureDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Path parent = directory.toAbsolutePath().getParent();
        if (parent != null) {
            ensureDirectory(parent);
        }
        createDirectory(directory);
    }

    /** Creates a new directory, 0700; fails if it exists. */
    static void createDirectory(Path directory) throws IOException {
        Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
        // The umask can only remove bits; setting the mode again makes it exactly 0700 whatever the umask.
        Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
    }

    /** Writes a new file (0600 from its creation), then forces its content to the disk. */
    static void writeNew(Path file, String text) throws IOException {
        FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE);
        try (FileChannel channel =
                FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
    }

    /** Replaces {@code target} with a new file, atomically: a reader sees the old content or the new one. */
    static void replace(Path target, String text) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        writeNew(temporary, text);
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(target.toAbsolutePath().getParent());
    }

    /** Forces a directory's entries to the disk, so that a rename or a deletion in it survives a power cut. */
    static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** Deletes a file, a symbolic link (not what it points to) or a directory tree; nothing if absent. */
    static void deleteTree(Path path) throws IOException {
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(path);
            return;
        }
        List<Path> deepestFirst;
        // Files.walk does not follow symbolic links, so a link inside is deleted, never its target.
        try (Stream<Path> tree = Files.walk(path)) {
            deepestFirst = tree.sorted(Comparator.reverseOrder()).collect(Collectors.toList());
        }
        for (Path entry : deepestFirst) {
            Files.deleteIfExists(entry);
        }
    }
}
