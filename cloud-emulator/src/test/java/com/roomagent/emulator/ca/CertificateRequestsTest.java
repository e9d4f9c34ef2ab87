package com.roomagent.emulator.ca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.emulator.DeviceKeys;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading devices' requests and issuing their certificates. */
class CertificateRequestsTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @TempDir
    Path stateDir;

    @Test
    void p256RequestYieldsItsPublicKey() throws Exception {
        DeviceKeys device = DeviceKeys.p256();

        assertEquals(device.keys().getPublic(), CertificateRequests.publicKeyOf(device.csrPem()));
    }

    @Test
    void requestSignedWithAnotherKeyIsRefused() throws Exception {
        BadCsrException e = assertThrows(
                BadCsrException.class, () -> CertificateRequests.publicKeyOf(DeviceKeys.csrSignedByAnotherKey()));

        assertTrue(e.getMessage().contains("signature does not verify"), e.getMessage());
    }

    @Test
    void rsaAndP384KeysAreRefusedNamingTheCurveToUse() throws Exception {
        String rsa = DeviceKeys.rsaCsr();
        String p384 = DeviceKeys.p384Csr();

        BadCsrException notEc = assertThrows(BadCsrException.class, () -> CertificateRequests.publicKeyOf(rsa));
        BadCsrException wrongCurve = assertThrows(BadCsrException.class, () -> CertificateRequests.publicKeyOf(p384));

        assertTrue(notEc.getMessage().contains("not an EC key"), notEc.getMessage());
        assertTrue(wrongCurve.getMessage().contains("not on the P-256 curve"), wrongCurve.getMessage());
    }

    @Test
    void textWithoutAPemBlockIsRefused() {
        BadCsrException e = assertThrows(BadCsrException.class, () -> CertificateRequests.publicKeyOf("hello"));

        assertTrue(e.getMessage().contains("no PEM block found"), e.getMessage());
    }

    @Test
    void corruptBase64InsideThePemBlockIsRefused() {
        String corrupt = "-----BEGIN CERTIFICATE REQUEST-----\nAAAA!!!!\n-----END CERTIFICATE REQUEST-----\n";

        assertThrows(BadCsrException.class, () -> CertificateRequests.publicKeyOf(corrupt));
    }

    @Test
    void deviceCertificateNamesTheDeviceAndOrganizationForClientAuthForAYear() throws Exception {
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(stateDir, Clock.fixed(NOW, ZoneOffset.UTC));
        DeviceKeys device = DeviceKeys.p256();

        DeviceCertificate issued = ca.issueDevice(device.keys().getPublic(), "dev-0a1b2c3d", "org-demo");

        X509Certificate leaf = issued.leaf();
        assertEquals(new X500Principal("CN=dev-0a1b2c3d, O=org-demo"), leaf.getSubjectX500Principal());
        assertEquals(ca.certificate().getSubjectX500Principal(), leaf.getIssuerX500Principal());
        leaf.verify(ca.certificate().getPublicKey());
        assertEquals(List.of("1.3.6.1.5.5.7.3.2"), leaf.getExtendedKeyUsage());
        assertEquals(-1, leaf.getBasicConstraints(), "not a CA");
        assertEquals(NOW.minus(Duration.ofMinutes(5)), leaf.getNotBefore().toInstant());
        assertEquals(NOW.plus(Duration.ofDays(365)), leaf.getNotAfter().toInstant());
        assertEquals(List.of(leaf, ca.certificate()), issued.chain());
        assertTrue(issued.pemChain().get(0).startsWith("-----BEGIN CERTIFICATE-----"));
    }

    @Test
    void organizationIdCannotAddAttributesToTheSubject() throws Exception {
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(stateDir, Clock.fixed(NOW, ZoneOffset.UTC));

        X509Certificate leaf = ca.issueDevice(DeviceKeys.p256().keys().getPublic(), "dev-1", "acme, CN=admin")
                .leaf();

        assertEquals(new X500Principal("CN=dev-1, O=acme\\, CN\\=admin"), leaf.getSubjectX500Principal());
    }
}
