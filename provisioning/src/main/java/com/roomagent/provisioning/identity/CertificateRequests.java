package com.roomagent.provisioning.identity;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** Builds the PKCS #10 certificate signing request (RFC 2986) a device sends with its activation code. */
public final class CertificateRequests {
    /** The signature algorithm of every request: ECDSA over SHA-256, the one that fits a P-256 key. */
    public static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

    private CertificateRequests() {}

    /**
     * A CSR for {@code keys}, signed with its private key, as PEM ({@code -----BEGIN CERTIFICATE
     * REQUEST-----}).
     *
     * @param keys an EC key pair, as {@link DeviceKeys#generate()} makes
     * @param subjectCommonName the subject's CN; escaped as RFC 4514 requires, so any text is safe
     * @throws IllegalArgumentException if the key pair is not EC or the name is blank
     */
    public static String csrPem(KeyPair keys, String subjectCommonName) {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(subjectCommonName, "subjectCommonName");
        if (!"EC".equals(keys.getPrivate().getAlgorithm())) {
            throw new IllegalArgumentException("a device CSR needs an EC key pair, not "
                    + keys.getPrivate().getAlgorithm() + "; make one with DeviceKeys.generate()");
        }
        if (subjectCommonName.isBlank()) {
            throw new IllegalArgumentException("the CSR's subject common name is blank");
        }
        // The builder escapes the name, so a CN holding ',' or '=' cannot add attributes to the subject.
        var subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, subjectCommonName)
                .build();
        PKCS10CertificationRequest request =
                new JcaPKCS10CertificationRequestBuilder(subject, keys.getPublic()).build(signer(keys));
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(request);
        } catch (IOException e) {
            throw new UncheckedIOException("writing PEM to memory failed", e);
        }
        return pem.toString();
    }

    private static ContentSigner signer(KeyPair keys) {
        try {
            return new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(keys.getPrivate());
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("this Java runtime cannot sign with " + SIGNATURE_ALGORITHM, e);
        }
    }
}
