package com.roomagent.protocol.stun;

import com.roomagent.protocol.stun.StunParseException.Reason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads STUN messages (RFC 5389, RFC 8489). Every way the bytes can be wrong ends in a {@link
 * StunParseException} naming the rule and the byte offset; no input makes it throw an unchecked
 * exception. Stateless and thread-safe.
 *
 * <p>What it checks: the header (RFC 5389 §6: at least 20 bytes, the top two bits zero, the magic
 * cookie, a length that is a multiple of 4 and matches the bytes present); each attribute's length
 * against the message and its padding (§15; padding bytes may hold any value); the value format
 * of every attribute it knows; that FINGERPRINT, if present, is last and correct (§15.5).
 *
 * <p>What it does not check: MESSAGE-INTEGRITY, which needs a key ({@link StunIntegrity}).
 * Attributes after MESSAGE-INTEGRITY other than MESSAGE-INTEGRITY-SHA256 and FINGERPRINT, and
 * after MESSAGE-INTEGRITY-SHA256 other than FINGERPRINT, are left out of the result, as RFC 5389
 * §15.4 and RFC 8489 §14.5-14.6 require agents to ignore them; callers therefore see only
 * attributes the integrity check covers.
 */
public final class StunDecoder {
    private StunDecoder() {}

    /** Decodes a whole array as one message. */
    public static StunMessage decode(byte[] data) throws StunParseException {
        return decode(data, 0, data.length);
    }

    /**
     * Decodes the message in {@code data[offset, offset + length)}, which must hold exactly one
     * message (a datagram, or a frame cut out of a stream).
     *
     * @throws StunUnknownAttributesException if the message is otherwise valid but has
     *     comprehension-required attributes this codec does not know (RFC 5389 §7.3)
     * @throws StunParseException for any other invalid input
     * @throws IndexOutOfBoundsException if the range is not inside {@code data}: a caller's bug,
     *     not bad input
     */
    public static StunMessage decode(byte[] data, int offset, int length) throws StunParseException {
        StunLayout layout = StunLayout.scan(data, offset, length);
        TransactionId id = layout.transactionId();
        List<StunAttribute> attributes = new ArrayList<>(layout.attributes().size());
        List<Integer> unknownRequired = new ArrayList<>();
        for (RawAttribute raw : layout.attributes()) {
            int type = raw.type();
            if (StunAttributeType.isKnown(type)) {
                StunAttribute attribute = AttributeDecoder.decode(data, offset, raw, id);
                if (attribute instanceof Fingerprint) {
                    checkFingerprint((Fingerprint) attribute, data, offset, raw);
                }
                attributes.add(attribute);
            } else if (StunAttributeType.isComprehensionRequired(type)) {
                if (!unknownRequired.contains(type)) {
                    unknownRequired.add(type);
                }
            } else {
                int at = offset + raw.valuePosition();
                byte[] value = Arrays.copyOfRange(data, at, at + raw.valueLength());
                attributes.add(new OptionalAttribute(type, value));
            }
        }
        int messageType = layout.messageType();
        StunClass messageClass = MessageType.messageClass(messageType);
        if (!unknownRequired.isEmpty()) {
            throw new StunUnknownAttributesException(
                    unknownRequired, id, messageClass, MessageType.method(messageType));
        }
        return new StunMessage(messageClass, MessageType.method(messageType), id, attributes);
    }

    /**
     * RFC 5389 §15.5: the CRC-32 of the message up to (not including) FINGERPRINT, with the length
     * field as it stands, which already counts FINGERPRINT since it is last.
     */
    private static void checkFingerprint(Fingerprint fingerprint, byte[] data, int offset, RawAttribute raw)
            throws StunParseException {
        long expected = Digests.fingerprint(data, offset, offset + raw.position());
        if (fingerprint.crc32() != expected) {
            throw new StunParseException(
                    Reason.FINGERPRINT_MISMATCH,
                    String.format(
                            "%s: FINGERPRINT is 0x%08X, the message gives 0x%08X (RFC 5389 §15.5)",
                            raw.describe(), fingerprint.crc32(), expected));
        }
    }
}
