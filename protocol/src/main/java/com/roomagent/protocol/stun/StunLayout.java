package com.roomagent.protocol.stun;

import com.roomagent.protocol.stun.StunParseException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The structure of one STUN message in a byte range: the header checked, every attribute's bounds
 * checked, and the attributes that count listed. Shared by the decoder and by integrity checks,
 * which need positions rather than values.
 *
 * <p>Which attributes count, after RFC 5389 §15.4 as extended by RFC 8489 §14.5-14.6: after
 * MESSAGE-INTEGRITY only MESSAGE-INTEGRITY-SHA256 and FINGERPRINT count; after
 * MESSAGE-INTEGRITY-SHA256 only FINGERPRINT. Other attributes there are ignored, as the RFCs
 * require, because nothing authenticates them: they are still bounds-checked (the message must
 * parse) but are left out of {@link #attributes()}, so an unknown comprehension-required type
 * there does not trigger a 420 either. FINGERPRINT must be last (RFC 5389 §15.5).
 */
final class StunLayout {
    private final byte[] data;
    private final int start;
    private final int messageType;
    private final List<RawAttribute> attributes;

    private StunLayout(byte[] data, int start, int messageType, List<RawAttribute> attributes) {
        this.data = data;
        this.start = start;
        this.messageType = messageType;
        this.attributes = attributes;
    }

    /**
     * Checks the header and the attribute bounds of the message in {@code data[offset, offset +
     * length)}.
     *
     * @throws IndexOutOfBoundsException if the range is not inside {@code data}
     */
    static StunLayout scan(byte[] data, int offset, int length) throws StunParseException {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (length < StunHeader.LENGTH) {
            throw new StunParseException(
                    Reason.TRUNCATED, "a STUN header has 20 bytes, got " + length + " (RFC 5389 §6)");
        }
        int messageType = WireReader.u16(data, offset);
        if ((messageType & 0xC000) != 0) {
            throw new StunParseException(
                    Reason.NOT_STUN,
                    String.format(
                            "the two top bits of the message type at byte 0 must be zero (RFC 5389 §6), got 0x%04X",
                            messageType));
        }
        long cookie = WireReader.u32(data, offset + StunHeader.COOKIE_OFFSET);
        if (cookie != StunHeader.MAGIC_COOKIE) {
            throw new StunParseException(
                    Reason.NOT_STUN,
                    String.format("the magic cookie at byte 4 is 0x%08X, not 0x2112A442 (RFC 5389 §6)", cookie));
        }
        int bodyLength = WireReader.u16(data, offset + StunHeader.LENGTH_FIELD_OFFSET);
        if (bodyLength % 4 != 0) {
            throw new StunParseException(
                    Reason.BAD_LENGTH,
                    "the message length " + bodyLength + " at byte 2 is not a multiple of 4 (RFC 5389 §6)");
        }
        int present = length - StunHeader.LENGTH;
        if (bodyLength > present) {
            throw new StunParseException(
                    Reason.TRUNCATED,
                    "the header announces " + bodyLength + " bytes of attributes, only " + present + " follow");
        }
        if (bodyLength < present) {
            throw new StunParseException(
                    Reason.BAD_LENGTH,
                    "the header announces " + bodyLength + " bytes of attributes, but " + present + " follow");
        }
        return new StunLayout(data, offset, messageType, walk(data, offset, length));
    }

    private static List<RawAttribute> walk(byte[] data, int offset, int length) throws StunParseException {
        List<RawAttribute> counted = new ArrayList<>();
        boolean afterIntegrity = false;
        boolean afterIntegritySha256 = false;
        boolean afterFingerprint = false;
        // The body length is a multiple of 4 and so is every padded attribute, so whenever a byte
        // remains, a whole 4-byte attribute header does.
        int position = StunHeader.LENGTH;
        while (position < length) {
            RawAttribute attribute = new RawAttribute(
                    WireReader.u16(data, offset + position), position, WireReader.u16(data, offset + position + 2));
            int padded = (attribute.valueLength() + 3) & ~3;
            int room = length - attribute.valuePosition();
            if (padded > room) {
                throw new StunParseException(
                        Reason.BAD_ATTRIBUTE,
                        attribute.describe() + " declares " + attribute.valueLength() + " value bytes (" + padded
                                + " padded), but only " + room + " remain in the message");
            }
            if (afterFingerprint) {
                throw new StunParseException(
                        Reason.BAD_ATTRIBUTE,
                        attribute.describe() + " follows FINGERPRINT, which must be last (RFC 5389 §15.5)");
            }
            int type = attribute.type();
            if (type == StunAttributeType.FINGERPRINT) {
                afterFingerprint = true;
                counted.add(attribute);
            } else if (type == StunAttributeType.MESSAGE_INTEGRITY_SHA256 && !afterIntegritySha256) {
                afterIntegritySha256 = true;
                counted.add(attribute);
            } else if (!afterIntegrity && !afterIntegritySha256) {
                afterIntegrity = type == StunAttributeType.MESSAGE_INTEGRITY;
                counted.add(attribute);
            }
            position = attribute.valuePosition() + padded;
        }
        return counted;
    }

    byte[] data() {
        return data;
    }

    /** Position of the message's first byte in {@link #data()}. */
    int start() {
        return start;
    }

    int messageType() {
        return messageType;
    }

    TransactionId transactionId() {
        return TransactionId.read(data, start + StunHeader.TRANSACTION_ID_OFFSET);
    }

    /** The attributes that count, in wire order. */
    List<RawAttribute> attributes() {
        return attributes;
    }

    Optional<RawAttribute> first(int type) {
        for (RawAttribute attribute : attributes) {
            if (attribute.type() == type) {
                return Optional.of(attribute);
            }
        }
        return Optional.empty();
    }
}
