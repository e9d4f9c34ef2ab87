package com.roomagent.transport.dtls;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The SRTP master keys and salts of both directions of one call, as RFC 5764 section 4.2 splits
 * the exported keying material: {@code client_write_SRTP_master_key[16] |
 * server_write_SRTP_master_key[16] | client_write_SRTP_master_salt[14] |
 * server_write_SRTP_master_salt[14]} for {@value DtlsSrtp#SRTP_PROFILE}. The client sends with the
 * client key and salt, the server with the server's; both ends of one handshake hold equal
 * values. The arrays are copied in and out; {@link #toString()} never shows key bytes.
 */
public final class SrtpKeyingMaterial {
    /** Master key length of the profile, in bytes. */
    public static final int MASTER_KEY_LENGTH = 16;
    /** Master salt length of the profile, in bytes. */
    public static final int MASTER_SALT_LENGTH = 14;
    /** {@code 2 * (16 + 14)}: what the exporter is asked for. */
    public static final int LENGTH = 2 * (MASTER_KEY_LENGTH + MASTER_SALT_LENGTH);

    private final byte[] material;

    private SrtpKeyingMaterial(byte[] material) {
        this.material = material;
    }

    /**
     * Wraps the exporter output.
     *
     * @param exported exactly {@value #LENGTH} bytes; copied
     * @throws IllegalArgumentException on any other length
     */
    public static SrtpKeyingMaterial fromExported(byte[] exported) {
        if (exported.length != LENGTH) {
            throw new IllegalArgumentException("SRTP keying material for " + DtlsSrtp.SRTP_PROFILE + " has " + LENGTH
                    + " bytes, got " + exported.length);
        }
        return new SrtpKeyingMaterial(exported.clone());
    }

    /** The exporter output as RFC 5764 section 4.2 lays it out, the form av-pipeline's SrtpKeyPair takes. */
    public byte[] exported() {
        return material.clone();
    }

    public byte[] clientWriteKey() {
        return Arrays.copyOfRange(material, 0, MASTER_KEY_LENGTH);
    }

    public byte[] serverWriteKey() {
        return Arrays.copyOfRange(material, MASTER_KEY_LENGTH, 2 * MASTER_KEY_LENGTH);
    }

    public byte[] clientWriteSalt() {
        return Arrays.copyOfRange(material, 2 * MASTER_KEY_LENGTH, 2 * MASTER_KEY_LENGTH + MASTER_SALT_LENGTH);
    }

    public byte[] serverWriteSalt() {
        return Arrays.copyOfRange(material, 2 * MASTER_KEY_LENGTH + MASTER_SALT_LENGTH, LENGTH);
    }

    /** The key that protects what an endpoint in {@code role} sends. */
    public byte[] localWriteKey(DtlsRole role) {
        return role == DtlsRole.CLIENT ? clientWriteKey() : serverWriteKey();
    }

    /** The salt that goes with {@link #localWriteKey(DtlsRole)}. */
    public byte[] localWriteSalt(DtlsRole role) {
        return role == DtlsRole.CLIENT ? clientWriteSalt() : serverWriteSalt();
    }

    /**
     * A short, non-reversible tag of the material (first 4 bytes of its SHA-256) for logs that
     * need to show that two ends or two handshakes agree or differ, without showing a key.
     */
    public String tag() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material);
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JRE", e);
        }
    }

    /** Overwrites the material with zeros; call when the keys have been handed over. */
    public void destroy() {
        Arrays.fill(material, (byte) 0);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SrtpKeyingMaterial that && MessageDigest.isEqual(material, that.material);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(material);
    }

    @Override
    public String toString() {
        return "SrtpKeyingMaterial[profile=" + DtlsSrtp.SRTP_PROFILE + ", tag=" + tag() + "]";
    }
}
