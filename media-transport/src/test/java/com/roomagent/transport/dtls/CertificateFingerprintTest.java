package com.roomagent.transport.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CertificateFingerprintTest {
    private static final String TEXT = "sha-256 "
            + "00:01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:0F:10:11:12:13:14:15:16:17:18:19:1A:1B:1C:1D:1E:FF";

    @Test
    void parsesAndWritesRfc8122Form() {
        CertificateFingerprint fingerprint = CertificateFingerprint.parse(TEXT);

        assertEquals(TEXT, fingerprint.toString());
        assertEquals((byte) 0xFF, fingerprint.sha256()[31]);
    }

    @Test
    void acceptsEitherCaseAndSurroundingSpace() {
        assertEquals(
                CertificateFingerprint.parse(TEXT),
                CertificateFingerprint.parse("  SHA-256 " + TEXT.substring(8).toLowerCase() + "\n"));
    }

    @Test
    void refusesAnotherHashFunction() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> CertificateFingerprint.parse(
                        "sha-1 00:01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:0F:10:11:12:13"));
        assertEquals(
                "fingerprint hash function 'sha-1' is not supported; the media node must announce sha-256",
                e.getMessage());
    }

    @Test
    void refusesAWrongNumberOfBytes() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> CertificateFingerprint.parse("sha-256 00:01:02"));
        assertTrue(e.getMessage().contains("has 3"), e.getMessage());
    }

    @Test
    void refusesABytesThatIsNotTwoHexDigits() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> CertificateFingerprint.parse(TEXT.replace(":1E:", ":G1:")));
        assertEquals("fingerprint byte 31 'G1' is not two hex digits", e.getMessage());
    }

    @Test
    void refusesTextWithoutAHashFunctionName() {
        assertThrows(IllegalArgumentException.class, () -> CertificateFingerprint.parse(TEXT.substring(8)));
    }

    @Test
    void isTheSha256OfTheCertificateDerAndMatchesOnlyThatCertificate() throws Exception {
        DtlsCertificate one = DtlsCertificate.selfSigned("one", Clock.systemUTC());
        DtlsCertificate other = DtlsCertificate.selfSigned("other", Clock.systemUTC());
        byte[] digest =
                MessageDigest.getInstance("SHA-256").digest(one.certificate().getEncoded());

        assertEquals(
                HexFormat.of().formatHex(digest),
                HexFormat.of().formatHex(one.fingerprint().sha256()));
        assertTrue(one.fingerprint().matches(one.certificate()));
        assertFalse(one.fingerprint().matches(other.certificate()));
        assertEquals(
                one.fingerprint(),
                CertificateFingerprint.parse(one.fingerprint().toString()));
    }
}
