package com.roomagent.protocol.stun;

import java.nio.charset.StandardCharsets;

/** Writes one attribute, header, value and padding, as RFC 5389 §15 lays it out. */
final class AttributeEncoder {
    private AttributeEncoder() {}

    static void write(StunAttribute attribute, TransactionId id, WireWriter writer, byte padding) {
        int headerPosition = writer.size();
        writer.u16(attribute.type());
        writer.u16(0);
        writeValue(attribute, id, writer);
        // The length field counts the value only, before padding (RFC 5389 §15).
        writer.setU16(headerPosition + 2, writer.size() - headerPosition - 4);
        writer.padTo4(padding);
    }

    private static void writeValue(StunAttribute attribute, TransactionId id, WireWriter writer) {
        if (attribute instanceof XorMappedAddress) {
            AddressCodec.write(((XorMappedAddress) attribute).address(), true, id, writer);
        } else if (attribute instanceof MappedAddress) {
            AddressCodec.write(((MappedAddress) attribute).address(), false, id, writer);
        } else if (attribute instanceof Username) {
            text(((Username) attribute).value(), writer);
        } else if (attribute instanceof Realm) {
            text(((Realm) attribute).value(), writer);
        } else if (attribute instanceof Nonce) {
            text(((Nonce) attribute).value(), writer);
        } else if (attribute instanceof Software) {
            text(((Software) attribute).value(), writer);
        } else if (attribute instanceof ErrorCode) {
            // RFC 5389 §15.6: 21 reserved zero bits, class (hundreds) in 3 bits, number in 8.
            ErrorCode error = (ErrorCode) attribute;
            writer.u16(0);
            writer.u8(error.code() / 100);
            writer.u8(error.code() % 100);
            text(error.reason(), writer);
        } else if (attribute instanceof UnknownAttributes) {
            for (int type : ((UnknownAttributes) attribute).types()) {
                writer.u16(type);
            }
        } else if (attribute instanceof Priority) {
            writer.u32(((Priority) attribute).value());
        } else if (attribute instanceof IceControlled) {
            writer.u64(((IceControlled) attribute).tieBreaker());
        } else if (attribute instanceof IceControlling) {
            writer.u64(((IceControlling) attribute).tieBreaker());
        } else if (attribute instanceof MessageIntegrity) {
            byte[] hmac = ((MessageIntegrity) attribute).hmac();
            writer.bytes(hmac, 0, hmac.length);
        } else if (attribute instanceof MessageIntegritySha256) {
            byte[] hmac = ((MessageIntegritySha256) attribute).hmac();
            writer.bytes(hmac, 0, hmac.length);
        } else if (attribute instanceof Fingerprint) {
            writer.u32(((Fingerprint) attribute).crc32());
        } else if (attribute instanceof OptionalAttribute) {
            ((OptionalAttribute) attribute).writeValueTo(writer);
        }
        // UseCandidate has no value; the sealed interface permits nothing else.
    }

    private static void text(String value, WireWriter writer) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        writer.bytes(bytes, 0, bytes.length);
    }
}
