package com.roomagent.transport.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DtlsCertificateTest {
    private static final Instant NOW = Instant.parse("2026-11-25T19:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void aSelfSignedCertificateIsEcP256SignedWithItsOwnKey() throws Exception {
        DtlsCertificate certificate = DtlsCertificate.selfSigned("room device", clock);

        ECPublicKey key = (ECPublicKey) certificate.certificate().getPublicKey();
        assertEquals(256, key.getParams().getCurve().getField().getFieldSize());
        assertEquals("SHA256withECDSA", certificate.certificate().getSigAlgName());
        certificate.certificate().verify(key);
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(certificate.privateKey());
        signature.update(new byte[] {1, 2, 3});
        byte[] signed = signature.sign();
        signature.initVerify(key);
        signature.update(new byte[] {1, 2, 3});
        assertEquals(true, signature.verify(signed), "the private key belongs to the certificate");
    }

    @Test
    void itIsValidFromAnHourBeforeTheClockForThirtyDays() {
        DtlsCertificate certificate = DtlsCertificate.selfSigned("room device", clock);

        assertEquals(
                NOW.minusSeconds(3600), certificate.certificate().getNotBefore().toInstant());
        assertEquals(
                NOW.plus(DtlsCertificate.SELF_SIGNED_VALIDITY),
                certificate.certificate().getNotAfter().toInstant());
    }

    @Test
    void everyCallGetsANewKeyAndFingerprint() {
        DtlsCertificate first = DtlsCertificate.selfSigned("room device", clock);
        DtlsCertificate second = DtlsCertificate.selfSigned("room device", clock);

        assertNotEquals(first.fingerprint(), second.fingerprint());
    }

    @Test
    void itsTextShowsTheSubjectAndFingerprintButNoKey() {
        DtlsCertificate certificate = DtlsCertificate.selfSigned("room device", clock);

        assertEquals("DtlsCertificate[CN=room device, " + certificate.fingerprint() + "]", certificate.toString());
    }
}
