package com.roomagent.protocol.stun;

import com.roomagent.protocol.stun.StunParseException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Turns the value of one known attribute into its record, checking the wire format. */
final class AttributeDecoder {
    private AttributeDecoder() {}

    /**
     * Decodes a known attribute (see {@link StunAttributeType#isKnown}). Rules on values, such as
     * the length of text, live in the records' constructors; their {@link
     * IllegalArgumentException} becomes a {@link StunParseException} here, so both directions
     * apply the same rules.
     */
    static StunAttribute decode(byte[] data, int start, RawAttribute raw, TransactionId id) throws StunParseException {
        try {
            return decodeValue(data, start + raw.valuePosition(), raw, id);
        } catch (IllegalArgumentException e) {
            throw new StunParseException(Reason.BAD_ATTRIBUTE, raw.describe() + ": " + e.getMessage(), e);
        }
    }

    private static StunAttribute decodeValue(byte[] data, int at, RawAttribute raw, TransactionId id)
            throws StunParseException {
        int length = raw.valueLength();
        switch (raw.type()) {
            case StunAttributeType.XOR_MAPPED_ADDRESS:
                return new XorMappedAddress(AddressCodec.read(data, at, length, true, id, raw.describe()));
            case StunAttributeType.MAPPED_ADDRESS:
                return new MappedAddress(AddressCodec.read(data, at, length, false, id, raw.describe()));
            case StunAttributeType.USERNAME:
                return new Username(text(data, at, raw));
            case StunAttributeType.REALM:
                return new Realm(text(data, at, raw));
            case StunAttributeType.NONCE:
                return new Nonce(text(data, at, raw));
            case StunAttributeType.SOFTWARE:
                return new Software(text(data, at, raw));
            case StunAttributeType.ERROR_CODE:
                return errorCode(data, at, raw);
            case StunAttributeType.UNKNOWN_ATTRIBUTES:
                return unknownAttributes(data, at, raw);
            case StunAttributeType.PRIORITY:
                requireLength(raw, 4);
                return new Priority(WireReader.u32(data, at));
            case StunAttributeType.USE_CANDIDATE:
                requireLength(raw, 0);
                return new UseCandidate();
            case StunAttributeType.ICE_CONTROLLED:
                requireLength(raw, 8);
                return new IceControlled(WireReader.u64(data, at));
            case StunAttributeType.ICE_CONTROLLING:
                requireLength(raw, 8);
                return new IceControlling(WireReader.u64(data, at));
            case StunAttributeType.MESSAGE_INTEGRITY:
                requireLength(raw, MessageIntegrity.LENGTH);
                return new MessageIntegrity(Arrays.copyOfRange(data, at, at + length));
            case StunAttributeType.MESSAGE_INTEGRITY_SHA256:
                return new MessageIntegritySha256(Arrays.copyOfRange(data, at, at + length));
            case StunAttributeType.FINGERPRINT:
                requireLength(raw, 4);
                return new Fingerprint(WireReader.u32(data, at));
            default:
                throw new IllegalStateException("no decoder for known attribute " + raw.describe());
        }
    }

    /**
     * ERROR-CODE (RFC 5389 §15.6): 21 reserved bits, the class (hundreds digit, 3 to 6) in 3 bits,
     * the number (0 to 99) in 8 bits, then the reason phrase.
     */
    private static ErrorCode errorCode(byte[] data, int at, RawAttribute raw) throws StunParseException {
        if (raw.valueLength() < 4) {
            throw new StunParseException(
                    Reason.BAD_ATTRIBUTE,
                    raw.describe() + ": ERROR-CODE needs at least 4 bytes, got " + raw.valueLength());
        }
        int errorClass = data[at + 2] & 0x07;
        int number = data[at + 3] & 0xFF;
        if (errorClass < 3 || errorClass > 6 || number > 99) {
            throw new StunParseException(
                    Reason.BAD_ATTRIBUTE,
                    raw.describe() + ": ERROR-CODE class " + errorClass + " number " + number
                            + " is outside class 3-6, number 0-99 (RFC 5389 §15.6)");
        }
        String reason = utf8(data, at + 4, raw.valueLength() - 4, raw);
        return new ErrorCode(errorClass * 100 + number, reason);
    }

    /** UNKNOWN-ATTRIBUTES (RFC 5389 §15.9): a list of 16-bit types. */
    private static UnknownAttributes unknownAttributes(byte[] data, int at, RawAttribute raw)
            throws StunParseException {
        if (raw.valueLength() % 2 != 0) {
            throw new StunParseException(
                    Reason.BAD_ATTRIBUTE,
                    raw.describe() + ": UNKNOWN-ATTRIBUTES holds 16-bit types, but has " + raw.valueLength()
                            + " bytes");
        }
        List<Integer> types = new ArrayList<>(raw.valueLength() / 2);
        for (int i = 0; i < raw.valueLength(); i += 2) {
            types.add(WireReader.u16(data, at + i));
        }
        return new UnknownAttributes(types);
    }

    private static void requireLength(RawAttribute raw, int expected) throws StunParseException {
        if (raw.valueLength() != expected) {
            throw new StunParseException(
                    Reason.BAD_ATTRIBUTE,
                    raw.describe() + " must have " + expected + " value bytes, got " + raw.valueLength());
        }
    }

    private static String text(byte[] data, int at, RawAttribute raw) throws StunParseException {
        return utf8(data, at, raw.valueLength(), raw);
    }

    /** Strict UTF-8: malformed sequences are an error, never replaced (RFC 5389 §15.3-15.10). */
    private static String utf8(byte[] data, int at, int length, RawAttribute raw) throws StunParseException {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, at, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new StunParseException(Reason.BAD_ATTRIBUTE, raw.describe() + ": text is not valid UTF-8", e);
        }
    }
}
