package com.roomagent.emulator.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminTokenTest {
    @TempDir
    Path stateDir;

    @Test
    void newTokenIsRandomOwnerOnlyAndReusedAtTheNextStart() throws Exception {
        AdminToken created = AdminToken.loadOrCreate(stateDir);

        AdminToken reloaded = AdminToken.loadOrCreate(stateDir);

        Path file = stateDir.resolve(AdminToken.FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(created.value(), reloaded.value());
        assertTrue(created.value().length() >= 43, "256 bits in base64url");
        try (var files = Files.list(stateDir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void onlyTheBearerTokenItselfAuthorizes() throws Exception {
        AdminToken token = AdminToken.loadOrCreate(stateDir);

        assertTrue(token.authorizes("Bearer " + token.value()));
        assertTrue(token.authorizes("bearer " + token.value()), "the scheme is case-insensitive (RFC 7235)");
        assertFalse(token.authorizes(null));
        assertFalse(token.authorizes(token.value()));
        assertFalse(token.authorizes("Basic " + token.value()));
        assertFalse(token.authorizes("Bearer " + token.value() + "x"));
    }

    @Test
    void tokenNeverAppearsInToString() throws Exception {
        AdminToken token = AdminToken.loadOrCreate(stateDir);

        assertFalse(token.toString().contains(token.value()));
    }

    @Test
    void fileThatIsNotATokenIsRefusedWithAdvice() throws Exception {
        Files.writeString(stateDir.resolve(AdminToken.FILE), "short\n");

        IOException e = assertThrows(IOException.class, () -> AdminToken.loadOrCreate(stateDir));

        assertTrue(e.getMessage().contains("delete the file to create a new token"), e.getMessage());
    }
}
