package com.roomagent.transport.dtls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The SHA-256 fingerprint of a DER certificate, as RFC 8122 section 5 writes it in SDP and as our
 * signaling sends it: {@code "sha-256 AB:CD:..."} (hash function name, a space, 32 upper-case hex
 * bytes separated by colons). Only {@code sha-256} is accepted: RFC 8122 section 5 requires
 * endpoints to support it, and weaker hashes (sha-1, md5) must not pin a media key.
 *
 * @param sha256 the 32 digest bytes; copied on the way in
 */
public record CertificateFingerprint(byte[] sha256) {
    /** The hash function token of RFC 8122's {@code hash-func}. */
    public static final String HASH_FUNCTION = "sha-256";

    private static final int LENGTH = 32;

    public CertificateFingerprint {
        if (sha256.length != LENGTH) {
            throw new IllegalArgumentException("a sha-256 fingerprint has 32 bytes, got " + sha256.length);
        }
        sha256 = sha256.clone();
    }

    /** The fingerprint of {@code certificate}'s DER encoding. */
    public static CertificateFingerprint of(X509Certificate certificate) {
        try {
            return new CertificateFingerprint(
                    MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException(
                    "certificate " + certificate.getSubjectX500Principal() + " has no DER encoding to fingerprint", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JRE", e);
        }
    }

    /**
     * Parses RFC 8122's form, {@code "sha-256 AB:CD:..."}; the hash name is case-insensitive and hex
     * digits may be either case.
     *
     * @throws IllegalArgumentException naming what is wrong: another hash function, a wrong length,
     *     or a byte that is not two hex digits
     */
    public static CertificateFingerprint parse(String text) {
        String trimmed = text.strip();
        int space = trimmed.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException(
                    "fingerprint '" + text + "' is not in RFC 8122 form 'sha-256 AB:CD:...' (no hash function name)");
        }
        String hash = trimmed.substring(0, space).toLowerCase(Locale.ROOT);
        if (!hash.equals(HASH_FUNCTION)) {
            throw new IllegalArgumentException(
                    "fingerprint hash function '" + hash + "' is not supported; the media node must announce sha-256");
        }
        String[] parts = trimmed.substring(space + 1).strip().split(":", -1);
        if (parts.length != LENGTH) {
            throw new IllegalArgumentException(
                    "a sha-256 fingerprint has 32 colon-separated bytes, '" + text + "' has " + parts.length);
        }
        byte[] bytes = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            if (parts[i].length() != 2) {
                throw new IllegalArgumentException(
                        "fingerprint byte " + (i + 1) + " '" + parts[i] + "' is not two hex digits");
            }
            try {
                bytes[i] = (byte) Integer.parseInt(parts[i], 16);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "fingerprint byte " + (i + 1) + " '" + parts[i] + "' is not two hex digits", e);
            }
        }
        return new CertificateFingerprint(bytes);
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }

    /** Whether {@code certificate} has this fingerprint; compares in constant time. */
    public boolean matches(X509Certificate certificate) {
        return MessageDigest.isEqual(sha256, of(certificate).sha256);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CertificateFingerprint that && MessageDigest.isEqual(sha256, that.sha256);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(sha256);
    }

    /** RFC 8122's form, {@code "sha-256 AB:CD:..."}. */
    @Override
    public String toString() {
        return HASH_FUNCTION + " " + HexFormat.ofDelimiter(":").withUpperCase().formatHex(sha256);
    }
}
