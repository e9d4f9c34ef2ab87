package com.roomagent.protocol.stun;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC, MD5 and CRC-32 over message bytes, with the length-field adjustment of RFC 5389 §15.4. */
final class Digests {
    static final String HMAC_SHA1 = "HmacSHA1";
    static final String HMAC_SHA256 = "HmacSHA256";

    private Digests() {}

    /**
     * Returns the HMAC of {@code data[start, end)} as if the message length field (bytes 2-3)
     * held {@code lengthField}: RFC 5389 §15.4 and RFC 8489 §14.6 compute it with the length set
     * to end just after the integrity attribute, whatever follows it.
     */
    static byte[] hmac(String algorithm, byte[] key, byte[] data, int start, int end, int lengthField) {
        Mac mac = mac(algorithm, key);
        mac.update(data, start, StunHeader.LENGTH_FIELD_OFFSET);
        mac.update((byte) (lengthField >>> 8));
        mac.update((byte) lengthField);
        int afterLength = start + StunHeader.LENGTH_FIELD_OFFSET + 2;
        mac.update(data, afterLength, end - afterLength);
        return mac.doFinal();
    }

    /** CRC-32 (ITU-T V.42, as java.util.zip computes it) XOR 0x5354554e (RFC 5389 §15.5). */
    static long fingerprint(byte[] data, int start, int end) {
        CRC32 crc = new CRC32();
        crc.update(data, start, end - start);
        return crc.getValue() ^ StunHeader.FINGERPRINT_XOR;
    }

    static byte[] md5(byte[] input) {
        try {
            return MessageDigest.getInstance("MD5").digest(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform must provide MD5", e);
        }
    }

    private static Mac mac(String algorithm, byte[] key) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            // SecretKeySpec refuses an empty key, yet an empty password is a valid short-term
            // credential. HMAC pads the key with zeros to the block size (RFC 2104 §2), so a key
            // of one zero byte gives exactly the same MAC as an empty one.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform must provide " + algorithm, e);
        }
    }
}
