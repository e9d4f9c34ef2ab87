package com.roomagent.transport.srtp;

import java.util.Arrays;

/**
 * The SRTP key derivation (RFC 3711 section 4.3) with the AES-CM pseudo-random function (section
 * 4.3.3) and a key derivation rate of 0, so session keys are derived once per master key and
 * {@code index DIV kdr} is zero. Pure: no state beyond its arguments.
 */
final class KeyDerivation {
    /** Labels of RFC 3711 section 4.3.1 (SRTP) and 4.3.2 (SRTCP). */
    static final int RTP_ENCRYPTION = 0x00;

    static final int RTP_AUTHENTICATION = 0x01;
    static final int RTP_SALT = 0x02;
    static final int RTCP_ENCRYPTION = 0x03;
    static final int RTCP_AUTHENTICATION = 0x04;
    static final int RTCP_SALT = 0x05;

    /** The session key lengths of AES_CM_128_HMAC_SHA1_80 (RFC 3711 section 8.2), in bytes. */
    static final int ENCRYPTION_KEY_LENGTH = 16;

    static final int AUTHENTICATION_KEY_LENGTH = 20;
    static final int SALT_LENGTH = 14;

    /** The three session keys of one of SRTP or SRTCP. Arrays are owned by the holder. */
    record SessionKeys(byte[] encryptionKey, byte[] authenticationKey, byte[] salt) {}

    private KeyDerivation() {}

    static SessionKeys rtp(SrtpMasterKey master) {
        return derive(master, RTP_ENCRYPTION, RTP_AUTHENTICATION, RTP_SALT);
    }

    static SessionKeys rtcp(SrtpMasterKey master) {
        return derive(master, RTCP_ENCRYPTION, RTCP_AUTHENTICATION, RTCP_SALT);
    }

    private static SessionKeys derive(SrtpMasterKey master, int encryption, int authentication, int salt) {
        byte[] key = master.key();
        byte[] masterSalt = master.salt();
        try {
            return new SessionKeys(
                    prf(key, masterSalt, encryption, ENCRYPTION_KEY_LENGTH),
                    prf(key, masterSalt, authentication, AUTHENTICATION_KEY_LENGTH),
                    prf(key, masterSalt, salt, SALT_LENGTH));
        } finally {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(masterSalt, (byte) 0);
        }
    }

    /**
     * {@code PRF_n(k_master, x)} with {@code x = key_id XOR master_salt}, {@code key_id = label ||
     * (index DIV kdr)} and kdr 0 (RFC 3711 section 4.3.1): the label lands on byte 7 of the 14-byte
     * salt, the 48-bit {@code index DIV kdr} (zero) on bytes 8 to 13. The AES-CM keystream from
     * {@code x * 2^16} is the output (section 4.3.3).
     */
    static byte[] prf(byte[] masterKey, byte[] masterSalt, int label, int length) {
        byte[] iv = new byte[AesCounterMode.BLOCK_LENGTH];
        System.arraycopy(masterSalt, 0, iv, 0, SrtpMasterKey.SALT_LENGTH);
        iv[7] ^= (byte) label;
        return new AesCounterMode(masterKey).keystream(iv, length);
    }
}
