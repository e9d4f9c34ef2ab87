package com.roomagent.av.srtp;

import java.util.Arrays;
import java.util.Objects;

/**
 * The keys of both directions of one media session: {@code local} protects what this device sends
 * (its RTP and RTCP), {@code remote} authenticates and decrypts what it receives. Both are
 * replaced together when the media path re-keys.
 *
 * @param local the keys of the packets this device sends
 * @param remote the keys of the packets it receives
 */
public record SrtpKeyPair(SrtpKeys local, SrtpKeys remote) {
    /** {@code 2 * (16 + 14)}: the keying material RFC 5764 section 4.2 exports for this profile. */
    public static final int KEYING_MATERIAL_LENGTH = 2 * (SrtpKeys.MASTER_KEY_LENGTH + SrtpKeys.MASTER_SALT_LENGTH);

    public SrtpKeyPair {
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(remote, "remote");
    }

    /**
     * Splits the keying material exported from the DTLS handshake, as RFC 5764 section 4.2 lays
     * it out: {@code client_write_SRTP_master_key[16] | server_write_SRTP_master_key[16] |
     * client_write_SRTP_master_salt[14] | server_write_SRTP_master_salt[14]}. The client sends with
     * the client write key and salt; the server with the server's.
     *
     * @param keyingMaterial exactly {@value #KEYING_MATERIAL_LENGTH} bytes; not modified
     * @throws IllegalArgumentException on any other length
     */
    public static SrtpKeyPair fromKeyingMaterial(byte[] keyingMaterial, DtlsRole localRole) {
        Objects.requireNonNull(keyingMaterial, "keyingMaterial");
        Objects.requireNonNull(localRole, "localRole");
        if (keyingMaterial.length != KEYING_MATERIAL_LENGTH) {
            throw new IllegalArgumentException("SRTP keying material for " + SrtpKeys.PROFILE + " has "
                    + KEYING_MATERIAL_LENGTH + " bytes, got " + keyingMaterial.length);
        }
        int keyLength = SrtpKeys.MASTER_KEY_LENGTH;
        int saltLength = SrtpKeys.MASTER_SALT_LENGTH;
        byte[] clientKey = Arrays.copyOfRange(keyingMaterial, 0, keyLength);
        byte[] serverKey = Arrays.copyOfRange(keyingMaterial, keyLength, 2 * keyLength);
        byte[] clientSalt = Arrays.copyOfRange(keyingMaterial, 2 * keyLength, 2 * keyLength + saltLength);
        byte[] serverSalt = Arrays.copyOfRange(keyingMaterial, 2 * keyLength + saltLength, KEYING_MATERIAL_LENGTH);
        try {
            SrtpKeys client = SrtpKeys.of(clientKey, clientSalt);
            SrtpKeys server = SrtpKeys.of(serverKey, serverSalt);
            return localRole == DtlsRole.CLIENT ? new SrtpKeyPair(client, server) : new SrtpKeyPair(server, client);
        } finally {
            Arrays.fill(clientKey, (byte) 0);
            Arrays.fill(serverKey, (byte) 0);
            Arrays.fill(clientSalt, (byte) 0);
            Arrays.fill(serverSalt, (byte) 0);
        }
    }

    /** The pair as the other side of the same handshake sees it. */
    public SrtpKeyPair reversed() {
        return new SrtpKeyPair(remote, local);
    }
}
