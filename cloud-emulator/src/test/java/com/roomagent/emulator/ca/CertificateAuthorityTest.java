package com.roomagent.emulator.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateAuthorityTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path stateDir;

    @Test
    void newCaIsStoredWithAnOwnerOnlyKeyAndAReadableCertificate() throws Exception {
        CertificateAuthority.loadOrCreate(stateDir, NOW);

        assertEquals("rw-------", permissions(stateDir.resolve(CertificateAuthority.KEY_FILE)));
        assertEquals("rw-r--r--", permissions(stateDir.resolve(CertificateAuthority.CERTIFICATE_FILE)));
        try (var files = Files.list(stateDir)) {
            assertEquals(2, files.count(), "no temporary files are left behind");
        }
    }

    @Test
    void restartReusesTheStoredCa() throws Exception {
        CertificateAuthority first = CertificateAuthority.loadOrCreate(stateDir, NOW);

        CertificateAuthority second = CertificateAuthority.loadOrCreate(stateDir, NOW);

        assertEquals(first.certificate(), second.certificate());
        ServerCredentials issuedAfterRestart = second.issueServer("test", List.of("127.0.0.1"));
        trustOnly(first.certificate()).checkServerTrusted(chain(issuedAfterRestart), "ECDHE_ECDSA");
    }

    @Test
    void serverCertificateChainsToTheCaAndNamesEveryAddress() throws Exception {
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(stateDir, NOW);

        ServerCredentials server = ca.issueServer("signaling", List.of("127.0.0.1", "localhost", "::1"));

        trustOnly(ca.certificate()).checkServerTrusted(chain(server), "ECDHE_ECDSA");
        Set<String> names = new HashSet<>();
        for (List<?> name : server.leaf().getSubjectAlternativeNames()) {
            names.add(String.valueOf(name.get(1)));
        }
        assertTrue(names.containsAll(Set.of("127.0.0.1", "localhost")), names.toString());
        assertTrue(names.stream().anyMatch(name -> name.startsWith("0:0:0:0:0:0:0:1")), names.toString());
        assertEquals("EC", server.leaf().getPublicKey().getAlgorithm());
        assertTrue(server.leaf().getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "serverAuth");
    }

    @Test
    void untrustedCaIssuesCertificatesTheRealCaDoesNotAccept() throws Exception {
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(stateDir, NOW);

        ServerCredentials rogue = CertificateAuthority.untrusted(NOW).issueServer("rogue", List.of("127.0.0.1"));

        assertThrows(
                CertificateException.class,
                () -> trustOnly(ca.certificate()).checkServerTrusted(chain(rogue), "ECDHE_ECDSA"));
    }

    @Test
    void keyWithoutCertificateIsRefusedWithAdvice() throws Exception {
        CertificateAuthority.loadOrCreate(stateDir, NOW);
        Files.delete(stateDir.resolve(CertificateAuthority.CERTIFICATE_FILE));

        CertificateAuthorityException e = assertThrows(
                CertificateAuthorityException.class, () -> CertificateAuthority.loadOrCreate(stateDir, NOW));

        assertEquals(stateDir.resolve(CertificateAuthority.KEY_FILE), e.file());
        assertTrue(e.getMessage().contains("delete it to create a new CA"), e.getMessage());
    }

    @Test
    void corruptCertificateIsRefusedWithAdvice() throws Exception {
        CertificateAuthority.loadOrCreate(stateDir, NOW);
        Files.writeString(stateDir.resolve(CertificateAuthority.CERTIFICATE_FILE), "not a certificate");

        CertificateAuthorityException e = assertThrows(
                CertificateAuthorityException.class, () -> CertificateAuthority.loadOrCreate(stateDir, NOW));

        assertTrue(e.getMessage().contains("cannot read the CA certificate"), e.getMessage());
    }

    @Test
    void expiredCaIsRefusedWithAdvice() throws Exception {
        CertificateAuthority.loadOrCreate(stateDir, NOW);
        Clock elevenYearsLater = Clock.offset(NOW, Duration.ofDays(11 * 365));

        CertificateAuthorityException e = assertThrows(
                CertificateAuthorityException.class,
                () -> CertificateAuthority.loadOrCreate(stateDir, elevenYearsLater));

        assertTrue(e.getMessage().contains("is not valid now"), e.getMessage());
    }

    @Test
    void credentialsNeverPrintTheirKey() throws Exception {
        ServerCredentials server =
                CertificateAuthority.loadOrCreate(stateDir, NOW).issueServer("signaling", List.of("127.0.0.1"));

        assertTrue(server.toString().startsWith("ServerCredentials[subject="), server.toString());
        assertTrue(!server.toString().toLowerCase(java.util.Locale.ROOT).contains("private"), server.toString());
    }

    private static X509Certificate[] chain(ServerCredentials credentials) {
        return credentials.chain().toArray(new X509Certificate[0]);
    }

    private static X509TrustManager trustOnly(X509Certificate anchor) throws Exception {
        KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
        anchors.load(null, null);
        anchors.setCertificateEntry("ca", anchor);
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(anchors);
        return (X509TrustManager) factory.getTrustManagers()[0];
    }

    private static String permissions(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
