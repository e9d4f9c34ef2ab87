package com.roomagent.emulator.ca;

import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Reads the PKCS #10 certificate signing requests (RFC 2986) devices send at activation and
 * pairing. The CA takes only the public key from a request: the subject and any requested
 * extensions are the cloud's decision, not the device's.
 */
public final class CertificateRequests {
    /** Far larger than any P-256 request (about 500 bytes of PEM); bounds the parser's work. */
    private static final int MAX_PEM_CHARS = 16 * 1024;

    private CertificateRequests() {}

    /**
     * The public key of {@code csrPem} once its self-signature verifies (RFC 2986 section 3: the
     * request is signed with the key it carries, proving the device holds the private key).
     *
     * @throws BadCsrException when the text is not a PEM {@code CERTIFICATE REQUEST}, the signature
     *     does not verify, or the key is not EC on the P-256 curve
     */
    public static PublicKey publicKeyOf(String csrPem) throws BadCsrException {
        if (csrPem.length() > MAX_PEM_CHARS) {
            throw new BadCsrException("the certificate signing request is longer than " + MAX_PEM_CHARS
                    + " characters; send one PEM CERTIFICATE REQUEST for an EC P-256 key");
        }
        PKCS10CertificationRequest request = read(csrPem);
        SubjectPublicKeyInfo keyInfo = request.getSubjectPublicKeyInfo();
        requireP256(keyInfo.getAlgorithm());
        PublicKey key;
        try {
            key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(keyInfo.getEncoded()));
        } catch (IOException | GeneralSecurityException e) {
            throw new BadCsrException("the certificate signing request's public key is malformed: " + e, e);
        }
        try {
            if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key))) {
                throw new BadCsrException("the certificate signing request's signature does not verify with its"
                        + " own public key; sign it with the private key of that key pair");
            }
            return key;
        } catch (OperatorCreationException | PKCSException e) {
            throw new BadCsrException(
                    "the certificate signing request's signature cannot be checked (" + e.getMessage()
                            + "); sign it with SHA256withECDSA",
                    e);
        }
    }

    private static PKCS10CertificationRequest read(String csrPem) throws BadCsrException {
        Object object;
        try (PEMParser parser = new PEMParser(new StringReader(csrPem))) {
            object = parser.readObject();
        } catch (IOException | RuntimeException e) {
            // Bouncy Castle reports malformed DER inside a PEM block with unchecked exceptions too.
            throw new BadCsrException("the certificate signing request is not valid PEM: " + e.getMessage(), e);
        }
        if (!(object instanceof PKCS10CertificationRequest)) {
            throw new BadCsrException(
                    object == null
                            ? "no PEM block found; send a PEM CERTIFICATE REQUEST (PKCS #10)"
                            : "the PEM block is not a CERTIFICATE REQUEST (PKCS #10)");
        }
        return (PKCS10CertificationRequest) object;
    }

    private static void requireP256(AlgorithmIdentifier algorithm) throws BadCsrException {
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm.getAlgorithm())) {
            throw new BadCsrException("the certificate signing request's key is not an EC key (algorithm "
                    + algorithm.getAlgorithm() + "); generate an EC P-256 (secp256r1) key pair");
        }
        // RFC 5480 section 2.1.1: the parameters name the curve; only named curves are allowed.
        if (!(algorithm.getParameters() instanceof ASN1ObjectIdentifier)
                || !SECObjectIdentifiers.secp256r1.equals(algorithm.getParameters())) {
            throw new BadCsrException("the certificate signing request's EC key is not on the P-256 curve (named "
                    + algorithm.getParameters() + "); generate an EC P-256 (secp256r1) key pair");
        }
    }
}
