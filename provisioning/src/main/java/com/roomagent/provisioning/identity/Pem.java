package com.roomagent.provisioning.identity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * PEM text for keys and certificates (RFC 7468): private keys as PKCS #8 ({@code PRIVATE KEY}),
 * public keys as SubjectPublicKeyInfo ({@code PUBLIC KEY}), certificates as {@code CERTIFICATE}.
 */
final class Pem {
    private Pem() {}

    static String write(PrivateKey key) {
        return write(List.of(new PemObject("PRIVATE KEY", key.getEncoded())));
    }

    /** A key pair as two blocks: the PKCS #8 private key, then the public key, which PKCS #8 may omit. */
    static String write(KeyPair keys) {
        return write(List.of(
                new PemObject("PRIVATE KEY", keys.getPrivate().getEncoded()),
                new PemObject("PUBLIC KEY", keys.getPublic().getEncoded())));
    }

    static String writeCertificates(List<X509Certificate> chain) {
        List<PemObject> blocks = new ArrayList<>();
        for (X509Certificate certificate : chain) {
            try {
                blocks.add(new PemObject("CERTIFICATE", certificate.getEncoded()));
            } catch (CertificateException e) {
                throw new IllegalArgumentException("a certificate of the chain cannot be encoded", e);
            }
        }
        return write(blocks);
    }

    static PrivateKey readPrivateKey(String pem) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            return privateKey(parser.readObject());
        }
    }

    static KeyPair readKeyPair(String pem) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            PrivateKey privateKey = privateKey(parser.readObject());
            Object second = parser.readObject();
            if (!(second instanceof SubjectPublicKeyInfo publicKeyInfo)) {
                throw new IOException("a PUBLIC KEY block should follow the PRIVATE KEY block");
            }
            PublicKey publicKey = new JcaPEMKeyConverter().getPublicKey(publicKeyInfo);
            return new KeyPair(publicKey, privateKey);
        }
    }

    /** The certificates of a PEM chain, in order; at least one. */
    static List<X509Certificate> readCertificates(String pem) throws IOException {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate :
                    factory.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                chain.add((X509Certificate) certificate);
            }
            if (chain.isEmpty()) {
                throw new IOException("no CERTIFICATE block found");
            }
            return List.copyOf(chain);
        } catch (CertificateException e) {
            throw new IOException("not a valid PEM X.509 certificate chain: " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(Object parsed) throws IOException {
        if (!(parsed instanceof PrivateKeyInfo info)) {
            throw new IOException("no PKCS #8 PRIVATE KEY block found");
        }
        return new JcaPEMKeyConverter().getPrivateKey(info);
    }

    private static String write(List<PemObject> blocks) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (PemObject block : blocks) {
                writer.writeObject(block);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing PEM to memory failed", e);
        }
        return text.toString();
    }
}
