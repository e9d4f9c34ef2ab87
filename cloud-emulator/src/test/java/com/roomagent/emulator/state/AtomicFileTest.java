package com.roomagent.emulator.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path directory;

    @Test
    void writesTheContentWithExactlyTheRequestedPermissions() throws Exception {
        Path file = directory.resolve("key.pem");

        AtomicFile.write(file, bytes("secret"), AtomicFile.OWNER_ONLY);

        assertEquals("secret", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFile() throws Exception {
        Path file = directory.resolve("ready.json");
        AtomicFile.write(file, bytes("old"), AtomicFile.PUBLIC);

        AtomicFile.write(file, bytes("new"), AtomicFile.PUBLIC);

        assertEquals("new", Files.readString(file));
        try (var files = Files.list(directory)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
