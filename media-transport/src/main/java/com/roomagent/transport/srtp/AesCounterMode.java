package com.roomagent.transport.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-128 in counter mode as SRTP uses it (RFC 3711 section 4.1.1): the keystream for a packet
 * starts at the IV {@code (k_s * 2^16) XOR (SSRC * 2^64) XOR (i * 2^16)} and counts up in its low
 * 16 bits, one AES block per 16 bytes. The JDK's {@code AES/CTR/NoPadding} counts over all 128
 * bits, which is the same here: the IV's low 16 bits are zero and no packet needs 2^16 blocks.
 *
 * <p>Not thread-safe: it reuses one {@link Cipher} and one IV buffer; its owner is the owner of the
 * {@link SrtpContext} that holds it.
 */
final class AesCounterMode {
    static final int BLOCK_LENGTH = 16;

    private final Cipher cipher;
    private final SecretKeySpec key;
    private final byte[] iv = new byte[BLOCK_LENGTH];

    AesCounterMode(byte[] sessionKey) {
        this.key = new SecretKeySpec(sessionKey, "AES");
        try {
            this.cipher = Cipher.getInstance("AES/CTR/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "the JDK has no AES/CTR/NoPadding cipher, which every Java 17 runtime has", e);
        }
    }

    /**
     * XORs {@code length} bytes of {@code input} from {@code inputOffset} with the keystream that
     * starts at the IV for {@code salt}, {@code ssrc} and {@code index}, into {@code output}.
     *
     * @param salt the 14-byte session salt
     * @param ssrc the 32-bit SSRC, in the low bits
     * @param index the 48-bit packet index (SRTP) or the 31-bit SRTCP index
     */
    void apply(
            byte[] salt,
            long ssrc,
            long index,
            byte[] input,
            int inputOffset,
            int length,
            byte[] output,
            int outputOffset) {
        iv(salt, ssrc, index, iv);
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
            cipher.doFinal(input, inputOffset, length, output, outputOffset);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR refused a 128-bit key and a 16-byte IV", e);
        }
    }

    /** The keystream itself, {@code length} bytes from the counter {@code iv} (RFC 3711 appendix B.2). */
    byte[] keystream(byte[] startIv, int length) {
        byte[] out = new byte[length];
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(startIv));
            cipher.doFinal(out, 0, length, out, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR refused a 128-bit key and a 16-byte IV", e);
        }
        return out;
    }

    /** RFC 3711 section 4.1.1: {@code IV = (k_s * 2^16) XOR (SSRC * 2^64) XOR (i * 2^16)}. */
    static void iv(byte[] salt, long ssrc, long index, byte[] out) {
        System.arraycopy(salt, 0, out, 0, salt.length);
        out[14] = 0;
        out[15] = 0;
        out[4] ^= (byte) (ssrc >>> 24);
        out[5] ^= (byte) (ssrc >>> 16);
        out[6] ^= (byte) (ssrc >>> 8);
        out[7] ^= (byte) ssrc;
        out[8] ^= (byte) (index >>> 40);
        out[9] ^= (byte) (index >>> 32);
        out[10] ^= (byte) (index >>> 24);
        out[11] ^= (byte) (index >>> 16);
        out[12] ^= (byte) (index >>> 8);
        out[13] ^= (byte) index;
    }
}
