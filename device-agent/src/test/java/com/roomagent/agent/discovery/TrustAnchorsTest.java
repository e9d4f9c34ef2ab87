package com.roomagent.agent.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustAnchorsTest {
    @TempDir
    Path dir;

    @Test
    void aPemCertificateBecomesATlsContext() throws Exception {
        Path pem = copyResource("test-anchor.pem");

        assertEquals(1, TrustAnchors.read(pem).size());
        assertNotNull(TrustAnchors.sslContextTrusting(pem).getSocketFactory());
    }

    @Test
    void severalCertificatesInOneFileAreAllTrusted() throws Exception {
        Path pem = copyResource("test-anchor.pem");
        Path two = dir.resolve("two.pem");
        Files.writeString(two, Files.readString(pem) + Files.readString(pem));

        assertEquals(2, TrustAnchors.read(two).size());
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nowhere.pem");

        TrustAnchorException error =
                assertThrows(TrustAnchorException.class, () -> TrustAnchors.sslContextTrusting(missing));

        assertEquals("trust anchors " + missing + ": file not found", error.getMessage());
        assertEquals(missing, error.file());
    }

    @Test
    void aFileThatIsNotACertificateIsNamed() throws IOException {
        Path notPem = dir.resolve("key.pem");
        Files.writeString(notPem, "-----BEGIN PRIVATE KEY-----\nMIGHAgEA\n-----END PRIVATE KEY-----\n");

        TrustAnchorException error =
                assertThrows(TrustAnchorException.class, () -> TrustAnchors.sslContextTrusting(notPem));

        assertTrue(error.getMessage().startsWith("trust anchors " + notPem + ": "), error.getMessage());
        assertTrue(
                error.getMessage().contains("not a PEM certificate")
                        || error.getMessage().contains("contains no certificate"),
                error.getMessage());
    }

    @Test
    void anEmptyFileHoldsNoCertificate() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.pem"));

        TrustAnchorException error =
                assertThrows(TrustAnchorException.class, () -> TrustAnchors.sslContextTrusting(empty));

        assertEquals("trust anchors " + empty + ": contains no certificate", error.getMessage());
    }

    private Path copyResource(String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = TrustAnchorsTest.class.getResourceAsStream("/discovery/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource /discovery/" + name);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }
}
