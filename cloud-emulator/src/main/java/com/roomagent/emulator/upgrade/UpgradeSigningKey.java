package com.roomagent.emulator.upgrade;

import com.roomagent.emulator.state.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The organization's upgrade-signing key: Ed25519 (RFC 8032), apart from the TLS CA on purpose, so
 * that whoever can issue a TLS certificate (or serve the CDN) still cannot ship firmware. Kept in
 * the state directory as {@value #PRIVATE_FILE} (PKCS #8, owner-only) and {@value #PUBLIC_FILE}
 * (X.509 SubjectPublicKeyInfo), the file a device pins as {@code upgrade.signingKey}. Immutable.
 */
public final class UpgradeSigningKey {
    /** The private key, in the emulator's state directory. */
    public static final String PRIVATE_FILE = "upgrade-signing-key.pem";
    /** The public key devices pin, in the emulator's state directory. */
    public static final String PUBLIC_FILE = "upgrade-signing-public.pem";

    private static final String ALGORITHM = "Ed25519";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final Path publicKeyFile;

    private UpgradeSigningKey(PrivateKey privateKey, PublicKey publicKey, Path publicKeyFile) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.publicKeyFile = publicKeyFile;
    }

    /**
     * Loads the key pair from {@code stateDir}, or creates and stores one.
     *
     * @throws IOException when the files cannot be read or written, or do not hold an Ed25519 key
     */
    public static UpgradeSigningKey loadOrCreate(Path stateDir) throws IOException {
        Path privateFile = stateDir.resolve(PRIVATE_FILE);
        Path publicFile = stateDir.resolve(PUBLIC_FILE);
        try {
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            if (Files.exists(privateFile) && Files.exists(publicFile)) {
                PrivateKey privateKey = factory.generatePrivate(
                        new PKCS8EncodedKeySpec(der(Files.readString(privateFile, StandardCharsets.US_ASCII))));
                PublicKey publicKey = readPublicKey(publicFile);
                return new UpgradeSigningKey(privateKey, publicKey, publicFile);
            }
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            AtomicFile.write(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), AtomicFile.OWNER_ONLY);
            AtomicFile.write(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()), AtomicFile.PUBLIC);
            return new UpgradeSigningKey(pair.getPrivate(), pair.getPublic(), publicFile);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(
                    privateFile + " or " + publicFile + " is not an Ed25519 key (" + e.getMessage()
                            + "); delete both to get a new signing key",
                    e);
        }
    }

    /** A fresh key that is kept in memory only: for tests that sign with the wrong key. */
    public static UpgradeSigningKey ephemeral() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            return new UpgradeSigningKey(pair.getPrivate(), pair.getPublic(), Path.of(""));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the Java runtime has no Ed25519", e);
        }
    }

    /** Reads a PEM {@code PUBLIC KEY} file holding an Ed25519 key. */
    public static PublicKey readPublicKey(Path file) throws IOException {
        try {
            return KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(der(Files.readString(file, StandardCharsets.US_ASCII))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(file + " is not a PEM Ed25519 public key: " + e.getMessage(), e);
        }
    }

    /** Signs {@code data}: the 64-byte Ed25519 signature. */
    public byte[] sign(byte[] data) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(privateKey);
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The public key as PEM, what a device pins. */
    public byte[] publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    /** Where the public key is stored; empty path for an {@link #ephemeral()} key. */
    public Path publicKeyFile() {
        return publicKeyFile;
    }

    private static byte[] pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return ("-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] der(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
