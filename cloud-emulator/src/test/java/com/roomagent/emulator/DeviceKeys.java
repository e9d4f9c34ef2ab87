package com.roomagent.emulator;

import java.io.StringWriter;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Key pairs and PKCS #10 requests as a device makes them, built with Bouncy Castle, and the broken
 * requests a buggy device might send.
 *
 * @param keys the device's key pair
 * @param csrPem a request for {@code keys}, signed with its private key
 */
public record DeviceKeys(KeyPair keys, String csrPem) {
    /** A fresh EC P-256 key pair and its request: what a correct device sends. */
    public static DeviceKeys p256() throws Exception {
        KeyPair keys = generate("EC", new ECGenParameterSpec("secp256r1"));
        return new DeviceKeys(keys, csr(keys, keys.getPrivate(), "SHA256withECDSA"));
    }

    /** A correct request for an EC P-384 key: the wrong curve. */
    public static String p384Csr() throws Exception {
        KeyPair keys = generate("EC", new ECGenParameterSpec("secp384r1"));
        return csr(keys, keys.getPrivate(), "SHA384withECDSA");
    }

    /** A correct request for an RSA key: the wrong algorithm. */
    public static String rsaCsr() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        return csr(keys, keys.getPrivate(), "SHA256withRSA");
    }

    /** A request carrying one P-256 key but signed with another: the signature does not verify. */
    public static String csrSignedByAnotherKey() throws Exception {
        KeyPair claimed = generate("EC", new ECGenParameterSpec("secp256r1"));
        KeyPair signer = generate("EC", new ECGenParameterSpec("secp256r1"));
        return csr(claimed, signer.getPrivate(), "SHA256withECDSA");
    }

    private static KeyPair generate(String algorithm, ECGenParameterSpec spec) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        generator.initialize(spec);
        return generator.generateKeyPair();
    }

    private static String csr(KeyPair keys, PrivateKey signingKey, String signature) throws Exception {
        PKCS10CertificationRequest request = new JcaPKCS10CertificationRequestBuilder(
                        new X500Principal("CN=room-device, O=Device Maker"), keys.getPublic())
                .build(new JcaContentSignerBuilder(signature).build(signingKey));
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(request);
        }
        return pem.toString();
    }
}
