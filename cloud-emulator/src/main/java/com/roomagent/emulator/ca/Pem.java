package com.roomagent.emulator.ca;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * PEM encoding (RFC 7468) of certificates ({@code CERTIFICATE}) and private keys (PKCS #8 {@code
 * PRIVATE KEY}, section 10; SEC 1 {@code EC PRIVATE KEY} is accepted on reading, as OpenSSL writes
 * it). Keys are converted with the JDK's own providers: Bouncy Castle is not registered as one.
 */
final class Pem {
    private Pem() {}

    static byte[] encode(X509Certificate certificate) throws IOException {
        return write(certificate);
    }

    static byte[] encode(PrivateKey key) throws IOException {
        return write(new JcaPKCS8Generator(key, null));
    }

    private static byte[] write(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * @throws IOException when {@code pem} holds no certificate or a malformed one
     */
    static X509Certificate readCertificate(String pem) throws IOException {
        Object object = readFirst(pem);
        if (!(object instanceof X509CertificateHolder)) {
            throw new IOException("no PEM CERTIFICATE block found");
        }
        try {
            return new JcaX509CertificateConverter().getCertificate((X509CertificateHolder) object);
        } catch (CertificateException e) {
            throw new IOException("malformed certificate: " + e.getMessage(), e);
        }
    }

    /**
     * @throws IOException when {@code pem} holds no private key or a malformed one
     */
    static PrivateKey readPrivateKey(String pem) throws IOException {
        Object object = readFirst(pem);
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        if (object instanceof PrivateKeyInfo) {
            return converter.getPrivateKey((PrivateKeyInfo) object);
        }
        if (object instanceof PEMKeyPair) {
            return converter.getKeyPair((PEMKeyPair) object).getPrivate();
        }
        throw new IOException("no PEM PRIVATE KEY block found");
    }

    private static Object readFirst(String pem) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object = parser.readObject();
            if (object == null) {
                throw new IOException("no PEM block found");
            }
            return object;
        }
    }
}
