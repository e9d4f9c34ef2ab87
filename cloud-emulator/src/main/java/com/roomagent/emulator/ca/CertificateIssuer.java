package com.roomagent.emulator.ca;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;

/**
 * Builds X.509 certificates (RFC 5280) with Bouncy Castle: self-signed CA certificates, server
 * certificates and device (client) certificates. Keys are EC P-256 and signatures ECDSA with SHA-256, computed by the JDK's
 * providers.
 */
final class CertificateIssuer {
    private static final String SIGNATURE = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CertificateIssuer() {}

    static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    /** A self-signed CA certificate: basicConstraints cA (critical), keyCertSign and cRLSign. */
    static X509Certificate selfSignedCa(KeyPair keys, String commonName, Instant notBefore, Instant notAfter)
            throws GeneralSecurityException {
        X500Principal subject = new X500Principal("CN=" + commonName + ", O=Room Agent");
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                            subject, serial(), Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic())
                    // RFC 5280 section 4.2.1.9: a CA certificate's basicConstraints is critical.
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(
                            Extension.subjectKeyIdentifier,
                            false,
                            extensions.createSubjectKeyIdentifier(keys.getPublic()));
            return sign(builder, keys.getPrivate());
        } catch (CertIOException e) {
            throw new GeneralSecurityException("cannot encode a CA certificate extension", e);
        }
    }

    /**
     * A server certificate for {@code names}: each is an IP literal (an iPAddress SAN) or a DNS name
     * (a dNSName SAN). Clients check the name they connected to against these (RFC 6125 section 6;
     * for IP addresses RFC 5280 section 4.2.1.6), so every address a server is reached by must be
     * listed.
     */
    static X509Certificate server(
            X509Certificate issuer,
            PrivateKey issuerKey,
            PublicKey subjectKey,
            String commonName,
            Collection<String> names,
            Instant notBefore,
            Instant notAfter)
            throws GeneralSecurityException {
        GeneralName[] alternativeNames = names.stream()
                .map(name -> IPAddress.isValid(name)
                        ? new GeneralName(GeneralName.iPAddress, name)
                        : new GeneralName(GeneralName.dNSName, name))
                .toArray(GeneralName[]::new);
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                            issuer,
                            serial(),
                            Date.from(notBefore),
                            Date.from(notAfter),
                            new X500Principal("CN=" + commonName + ", O=Room Agent"),
                            subjectKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(
                            Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    // RFC 6125 section 6.4.4: clients match the SAN and ignore the CN when a SAN is present.
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternativeNames))
                    .addExtension(
                            Extension.authorityKeyIdentifier,
                            false,
                            extensions.createAuthorityKeyIdentifier(issuer.getPublicKey()))
                    .addExtension(
                            Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKey));
            return sign(builder, issuerKey);
        } catch (CertIOException e) {
            throw new GeneralSecurityException("cannot encode a server certificate extension", e);
        }
    }

    /**
     * A device's client certificate: subject CN = the device id, O = its organization; clientAuth
     * only, since a device never serves TLS (R1); digitalSignature for ECDHE_ECDSA handshakes.
     */
    static X509Certificate device(
            X509Certificate issuer,
            PrivateKey issuerKey,
            PublicKey subjectKey,
            String deviceId,
            String organizationId,
            Instant notBefore,
            Instant notAfter)
            throws GeneralSecurityException {
        // Built attribute by attribute, so that a ',' or '=' in an id cannot change the name's structure.
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, organizationId)
                .addRDN(BCStyle.CN, deviceId)
                .build();
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                            X500Name.getInstance(
                                    issuer.getSubjectX500Principal().getEncoded()),
                            serial(),
                            Date.from(notBefore),
                            Date.from(notAfter),
                            subject,
                            subjectKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    // RFC 5280 section 4.2.1.12: the device authenticates as a TLS client, nothing else.
                    .addExtension(
                            Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth))
                    .addExtension(
                            Extension.authorityKeyIdentifier,
                            false,
                            extensions.createAuthorityKeyIdentifier(issuer.getPublicKey()))
                    .addExtension(
                            Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKey));
            return sign(builder, issuerKey);
        } catch (CertIOException e) {
            throw new GeneralSecurityException("cannot encode a device certificate extension", e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey)
            throws GeneralSecurityException {
        try {
            var signer = new JcaContentSignerBuilder(SIGNATURE).build(signingKey);
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot create a " + SIGNATURE + " signer", e);
        }
    }

    /** RFC 5280 section 4.1.2.2: a positive serial of at most 20 octets; random, so never reused. */
    private static BigInteger serial() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return new BigInteger(1, bytes);
    }
}
