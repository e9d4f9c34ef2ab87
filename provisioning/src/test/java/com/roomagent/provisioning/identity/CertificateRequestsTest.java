package com.roomagent.provisioning.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;

class CertificateRequestsTest {
    @Test
    void csrParsesBackWithAValidSignatureTheKeyAndTheCommonName() throws Exception {
        KeyPair keys = DeviceKeys.generate();

        String pem = CertificateRequests.csrPem(keys, "room-42");

        assertTrue(pem.startsWith("-----BEGIN CERTIFICATE REQUEST-----"), pem);
        PKCS10CertificationRequest request = parse(pem);
        assertTrue(request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(keys.getPublic())));
        assertArrayEquals(
                keys.getPublic().getEncoded(), request.getSubjectPublicKeyInfo().getEncoded());
        assertEquals(
                "1.2.840.10045.4.3.2",
                request.getSignatureAlgorithm().getAlgorithm().getId()); // ecdsa-with-SHA256
        RDN[] commonNames = request.getSubject().getRDNs(BCStyle.CN);
        assertEquals(1, commonNames.length);
        assertEquals(
                "room-42", IETFUtils.valueToString(commonNames[0].getFirst().getValue()));
    }

    @Test
    void commonNameWithSeparatorsStaysOneAttribute() throws Exception {
        PKCS10CertificationRequest request =
                parse(CertificateRequests.csrPem(DeviceKeys.generate(), "room, O=Evil Corp"));

        assertEquals(1, request.getSubject().getRDNs().length);
        assertEquals(
                "room, O=Evil Corp",
                request.getSubject()
                        .getRDNs(BCStyle.CN)[0]
                        .getFirst()
                        .getValue()
                        .toString());
    }

    @Test
    void rsaKeysAreRefused() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);

        var e = assertThrows(
                IllegalArgumentException.class, () -> CertificateRequests.csrPem(rsa.generateKeyPair(), "room"));
        assertTrue(e.getMessage().contains("EC key pair"), e.getMessage());
    }

    @Test
    void blankCommonNameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CertificateRequests.csrPem(DeviceKeys.generate(), " "));
    }

    private static PKCS10CertificationRequest parse(String pem) throws Exception {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            return (PKCS10CertificationRequest) parser.readObject();
        }
    }
}
