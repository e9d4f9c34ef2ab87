package com.roomagent.agent.upgrade;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Reads the pinned upgrade-signing key: a PEM {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo), Ed25519. */
public final class SigningKeys {
    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";

    private SigningKeys() {}

    /** @throws SigningKeyException naming the file and what is wrong */
    public static PublicKey read(Path file) throws SigningKeyException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new SigningKeyException(file, "cannot be read (" + e.getMessage() + ")", e);
        }
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new SigningKeyException(file, "has no " + BEGIN + " block", null);
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end));
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new SigningKeyException(file, "is not an Ed25519 public key (" + e.getMessage() + ")", e);
        }
    }
}
