package com.roomagent.protocol.stun;

import java.util.List;
import java.util.Optional;

/**
 * Writes STUN messages (RFC 5389 §6 and §15). Stateless and thread-safe.
 *
 * <p>Attributes are written in list order. The encoder adds MESSAGE-INTEGRITY,
 * MESSAGE-INTEGRITY-SHA256 and FINGERPRINT last, in that order, which is the only order in which
 * receivers honour them (RFC 5389 §15.4-15.5, RFC 8489 §14.5-14.6). A {@link MessageIntegrity},
 * {@link MessageIntegritySha256} or {@link Fingerprint} already in the list is written verbatim,
 * which is useful only to reproduce a captured message.
 */
public final class StunEncoder {
    private static final int TYPICAL_MESSAGE_LENGTH = 128;

    private StunEncoder() {}

    /** Encodes the message as it is: no integrity, no fingerprint, zero padding. */
    public static byte[] encode(StunMessage message) {
        return encode(message, StunEncodeOptions.defaults());
    }

    /**
     * Encodes the message, adding MESSAGE-INTEGRITY keyed with {@code integrityKey} unless it is
     * null, then FINGERPRINT if asked.
     *
     * @throws IllegalArgumentException as {@link #encode(StunMessage, StunEncodeOptions)}
     */
    public static byte[] encode(StunMessage message, byte[] integrityKey, boolean fingerprint) {
        StunEncodeOptions options = StunEncodeOptions.defaults().withFingerprint(fingerprint);
        return encode(message, integrityKey == null ? options : options.withIntegrity(integrityKey));
    }

    /**
     * Encodes the message with the given additions.
     *
     * @throws IllegalArgumentException if the list already holds an attribute the options add, or
     *     puts attributes where receivers would ignore them (anything after FINGERPRINT; after
     *     MESSAGE-INTEGRITY anything but MESSAGE-INTEGRITY-SHA256 or FINGERPRINT; after
     *     MESSAGE-INTEGRITY-SHA256 anything but FINGERPRINT), or if the message would exceed the
     *     65535 bytes of attributes its length field can count
     */
    public static byte[] encode(StunMessage message, StunEncodeOptions options) {
        checkOrder(message.attributes(), options);
        TransactionId id = message.transactionId();
        WireWriter writer = new WireWriter(TYPICAL_MESSAGE_LENGTH);
        writer.u16(MessageType.encode(message.messageClass(), message.method()));
        writer.u16(0);
        writer.u32(StunHeader.MAGIC_COOKIE);
        id.writeTo(writer);
        for (StunAttribute attribute : message.attributes()) {
            AttributeEncoder.write(attribute, id, writer, options.paddingByte());
        }
        checkLength(writer.size() + trailerLength(options));

        Optional<byte[]> sha1Key = options.integrityKey();
        if (sha1Key.isPresent()) {
            appendIntegrity(
                    writer,
                    StunAttributeType.MESSAGE_INTEGRITY,
                    Digests.HMAC_SHA1,
                    sha1Key.get(),
                    MessageIntegrity.LENGTH);
        }
        Optional<byte[]> sha256Key = options.integritySha256Key();
        if (sha256Key.isPresent()) {
            appendIntegrity(
                    writer,
                    StunAttributeType.MESSAGE_INTEGRITY_SHA256,
                    Digests.HMAC_SHA256,
                    sha256Key.get(),
                    MessageIntegritySha256.MAX_LENGTH);
        }
        if (options.fingerprint()) {
            // RFC 5389 §15.5: the CRC covers the header with a length that includes FINGERPRINT.
            setBodyLength(writer, writer.size() + 8);
            long crc = Digests.fingerprint(writer.array(), 0, writer.size());
            writer.u16(StunAttributeType.FINGERPRINT);
            writer.u16(4);
            writer.u32(crc);
        }
        setBodyLength(writer, writer.size());
        return writer.toByteArray();
    }

    /**
     * RFC 5389 §15.4 (and RFC 8489 §14.6): the HMAC covers the message up to the attribute, with
     * the length field already counting the attribute, but not anything that follows it.
     */
    private static void appendIntegrity(WireWriter writer, int type, String algorithm, byte[] key, int length) {
        int end = writer.size();
        int lengthField = end + 4 + length - StunHeader.LENGTH;
        byte[] hmac = Digests.hmac(algorithm, key, writer.array(), 0, end, lengthField);
        writer.u16(type);
        writer.u16(length);
        writer.bytes(hmac, 0, length);
    }

    private static void setBodyLength(WireWriter writer, int messageEnd) {
        writer.setU16(StunHeader.LENGTH_FIELD_OFFSET, messageEnd - StunHeader.LENGTH);
    }

    private static int trailerLength(StunEncodeOptions options) {
        return (options.integrityKey().isPresent() ? 4 + MessageIntegrity.LENGTH : 0)
                + (options.integritySha256Key().isPresent() ? 4 + MessageIntegritySha256.MAX_LENGTH : 0)
                + (options.fingerprint() ? 8 : 0);
    }

    private static void checkLength(int messageLength) {
        int body = messageLength - StunHeader.LENGTH;
        if (body > StunHeader.MAX_BODY_LENGTH) {
            throw new IllegalArgumentException(
                    "the attributes take " + body + " bytes, more than the 65535 the length field can count");
        }
    }

    private static void checkOrder(List<StunAttribute> attributes, StunEncodeOptions options) {
        boolean addsIntegrity = options.integrityKey().isPresent();
        boolean addsIntegritySha256 = options.integritySha256Key().isPresent();
        boolean addsFingerprint = options.fingerprint();
        int rank = 0; // 0: ordinary, 1: after MESSAGE-INTEGRITY, 2: after the SHA-256 one, 3: after FINGERPRINT
        for (int i = 0; i < attributes.size(); i++) {
            StunAttribute attribute = attributes.get(i);
            int attributeRank = rank(attribute);
            String name = attribute.getClass().getSimpleName() + " at index " + i;
            if (attributeRank == 0 ? rank > 0 : attributeRank <= rank) {
                throw new IllegalArgumentException(name + " is out of order: receivers would ignore it"
                        + " (RFC 5389 §15.4-15.5, RFC 8489 §14.5-14.6)");
            }
            if ((attributeRank >= 1 && addsIntegrity)
                    || (attributeRank >= 2 && addsIntegritySha256)
                    || (attributeRank == 3 && addsFingerprint)) {
                throw new IllegalArgumentException(
                        name + " is in the list, but the encoder was asked to add it or one that must precede it");
            }
            rank = Math.max(rank, attributeRank);
        }
    }

    private static int rank(StunAttribute attribute) {
        if (attribute instanceof MessageIntegrity) {
            return 1;
        } else if (attribute instanceof MessageIntegritySha256) {
            return 2;
        } else if (attribute instanceof Fingerprint) {
            return 3;
        }
        return 0;
    }
}
