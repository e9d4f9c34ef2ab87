package com.roomagent.protocol.stun;

import static com.roomagent.protocol.stun.TestMessages.ID;
import static com.roomagent.protocol.stun.TestMessages.attribute;
import static com.roomagent.protocol.stun.TestMessages.raw;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.protocol.stun.StunParseException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each way a message can be malformed is reported with its reason and position. */
class StunDecoderMalformedInputTest {
    private static final int BINDING_REQUEST = 0x0001;
    private static final byte[] SOFTWARE = attribute(StunAttributeType.SOFTWARE, "61626364");

    @Test
    void headerShorterThanTwentyBytesIsTruncated() {
        byte[] header = Arrays.copyOf(raw(BINDING_REQUEST), 19);

        assertEquals(Reason.TRUNCATED, reasonFor(header));
    }

    @Test
    void bodyShorterThanTheLengthFieldIsTruncated() {
        byte[] message = raw(BINDING_REQUEST, SOFTWARE);

        assertEquals(Reason.TRUNCATED, reasonFor(Arrays.copyOf(message, message.length - 4)));
    }

    @Test
    void wrongMagicCookieIsNotStun() {
        byte[] message = raw(BINDING_REQUEST);
        message[7] ^= 1;

        StunParseException e = assertThrows(StunParseException.class, () -> StunDecoder.decode(message));

        assertEquals(Reason.NOT_STUN, e.reason());
        assertTrue(e.getMessage().contains("byte 4"), e.getMessage());
    }

    @Test
    void topTwoBitsSetIsNotStun() {
        assertEquals(Reason.NOT_STUN, reasonFor(raw(0x4001)));
        assertEquals(Reason.NOT_STUN, reasonFor(raw(0x8001)));
    }

    @Test
    void lengthFieldNotAMultipleOfFourIsABadLength() {
        byte[] message = raw(BINDING_REQUEST, SOFTWARE);
        message[3] = 7;

        assertEquals(Reason.BAD_LENGTH, reasonFor(Arrays.copyOf(message, 27)));
    }

    @Test
    void bytesBeyondTheLengthFieldAreABadLength() {
        byte[] message = raw(BINDING_REQUEST, SOFTWARE);

        assertEquals(Reason.BAD_LENGTH, reasonFor(Arrays.copyOf(message, message.length + 4)));
    }

    @Test
    void attributeOverrunningTheMessageIsReportedWithItsTypeAndOffset() {
        byte[] message = raw(BINDING_REQUEST, SOFTWARE, attribute(StunAttributeType.USERNAME, "61626364"));
        message[28 + 3] = 5; // USERNAME now claims 5 bytes, 8 padded, where 4 remain

        StunParseException e = assertThrows(StunParseException.class, () -> StunDecoder.decode(message));

        assertEquals(Reason.BAD_ATTRIBUTE, e.reason());
        assertTrue(e.getMessage().contains("0x0006 at byte 28"), e.getMessage());
    }

    @Test
    void addressFamilyOtherThanOneOrTwoIsABadAttribute() {
        byte[] message = raw(BINDING_REQUEST, attribute(StunAttributeType.XOR_MAPPED_ADDRESS, "0003a147e112a643"));

        StunParseException e = assertThrows(StunParseException.class, () -> StunDecoder.decode(message));

        assertEquals(Reason.BAD_ATTRIBUTE, e.reason());
        assertTrue(e.getMessage().contains("0x0020 at byte 20"), e.getMessage());
    }

    @Test
    void ipv4AddressWithIpv6LengthIsABadAttribute() {
        byte[] value = new byte[20];
        value[1] = 1;

        assertEquals(
                Reason.BAD_ATTRIBUTE,
                reasonFor(raw(BINDING_REQUEST, attribute(StunAttributeType.MAPPED_ADDRESS, value))));
    }

    @Test
    void errorCodeOutsideClassesThreeToSixIsABadAttribute() {
        assertEquals(
                Reason.BAD_ATTRIBUTE,
                reasonFor(raw(BINDING_REQUEST, attribute(StunAttributeType.ERROR_CODE, "00000200"))));
        assertEquals(
                Reason.BAD_ATTRIBUTE,
                reasonFor(raw(BINDING_REQUEST, attribute(StunAttributeType.ERROR_CODE, "00000700"))));
        assertEquals(
                Reason.BAD_ATTRIBUTE,
                reasonFor(raw(BINDING_REQUEST, attribute(StunAttributeType.ERROR_CODE, "00000464"))));
    }

    @Test
    void invalidUtf8TextIsABadAttribute() {
        assertEquals(
                Reason.BAD_ATTRIBUTE, reasonFor(raw(BINDING_REQUEST, attribute(StunAttributeType.USERNAME, "61c3"))));
        assertEquals(
                Reason.BAD_ATTRIBUTE, reasonFor(raw(BINDING_REQUEST, attribute(StunAttributeType.REALM, "eda080"))));
    }

    @Test
    void softwareOfOneHundredTwentyEightCharactersIsABadAttribute() {
        byte[] value = "x".repeat(128).getBytes(StandardCharsets.UTF_8);

        assertEquals(
                Reason.BAD_ATTRIBUTE, reasonFor(raw(BINDING_REQUEST, attribute(StunAttributeType.SOFTWARE, value))));
    }

    @Test
    void fixedLengthAttributeWithAnotherLengthIsABadAttribute() {
        assertEquals(
                Reason.BAD_ATTRIBUTE, reasonFor(raw(BINDING_REQUEST, attribute(StunAttributeType.PRIORITY, "0102"))));
        assertEquals(
                Reason.BAD_ATTRIBUTE,
                reasonFor(raw(BINDING_REQUEST, attribute(StunAttributeType.USE_CANDIDATE, "00"))));
        assertEquals(
                Reason.BAD_ATTRIBUTE,
                reasonFor(raw(BINDING_REQUEST, attribute(StunAttributeType.MESSAGE_INTEGRITY, new byte[16]))));
    }

    @Test
    void fingerprintThatDoesNotMatchIsAMismatch() {
        byte[] message = StunEncoder.encode(StunMessage.bindingRequest(ID, new Software("abc")), null, true);
        message[message.length - 1] ^= 1;

        assertEquals(Reason.FINGERPRINT_MISMATCH, reasonFor(message));
    }

    @Test
    void attributeAfterFingerprintIsABadAttribute() {
        byte[] signed = StunEncoder.encode(StunMessage.bindingRequest(ID), null, true);
        byte[] fingerprint = Arrays.copyOfRange(signed, 20, 28);

        StunParseException e = assertThrows(
                StunParseException.class, () -> StunDecoder.decode(raw(BINDING_REQUEST, fingerprint, SOFTWARE)));

        assertEquals(Reason.BAD_ATTRIBUTE, e.reason());
        assertTrue(e.getMessage().contains("follows FINGERPRINT"), e.getMessage());
    }

    @Test
    void unknownComprehensionRequiredAttributesAreListedForA420() {
        byte[] message =
                raw(BINDING_REQUEST, attribute(0x0031, "01"), SOFTWARE, attribute(0x7F00, ""), attribute(0x0031, "02"));

        StunUnknownAttributesException e =
                assertThrows(StunUnknownAttributesException.class, () -> StunDecoder.decode(message));

        assertEquals(Reason.UNKNOWN_REQUIRED_ATTRIBUTE, e.reason());
        assertEquals(List.of(0x0031, 0x7F00), e.unknownTypes());
        assertEquals(ID, e.transactionId());
        assertEquals(StunClass.REQUEST, e.messageClass());
        assertEquals(StunMethod.BINDING, e.method());
        assertEquals(new UnknownAttributes(List.of(0x0031, 0x7F00)), e.toAttribute());
    }

    @Test
    void malformedMessageIsReportedAsMalformedEvenWithUnknownRequiredAttributes() {
        byte[] message = StunEncoder.encode(
                StunMessage.bindingRequest(ID, new OptionalAttribute(0x8123, new byte[4])), null, true);
        message[20] = 0x00; // the optional 0x8123 becomes the unknown required 0x0023

        assertEquals(Reason.FINGERPRINT_MISMATCH, reasonFor(message));
    }

    @Test
    void unknownComprehensionOptionalAttributeIsKeptAsRawBytes() throws Exception {
        byte[] message = raw(BINDING_REQUEST, attribute(0x8055, "0a0b0c"), SOFTWARE);

        StunMessage decoded = StunDecoder.decode(message);

        assertEquals(
                List.of(new OptionalAttribute(0x8055, TestVectors.hex("0a0b0c")), new Software("abcd")),
                decoded.attributes());
        assertArrayEquals(message, StunEncoder.encode(decoded));
    }

    @Test
    void attributesAfterMessageIntegrityAreIgnoredExceptFingerprint() throws Exception {
        byte[] integrity = attribute(StunAttributeType.MESSAGE_INTEGRITY, new byte[20]);
        byte[] message = raw(
                BINDING_REQUEST, SOFTWARE, integrity, attribute(StunAttributeType.REALM, "72"), attribute(0x0031, ""));

        StunMessage decoded = StunDecoder.decode(message);

        assertEquals(List.of(new Software("abcd"), new MessageIntegrity(new byte[20])), decoded.attributes());
    }

    @Test
    void paddingBytesMayHoldAnyValue() throws Exception {
        byte[] message = raw(BINDING_REQUEST, attribute(StunAttributeType.USERNAME, "61"));
        message[25] = (byte) 0xFF;
        message[26] = 0x20;
        message[27] = 0x01;

        assertEquals(new Username("a"), StunDecoder.decode(message).attributes().get(0));
    }

    @Test
    void messageInsideALargerBufferIsDecodedFromItsOffset() throws Exception {
        byte[] message = raw(BINDING_REQUEST, SOFTWARE);
        byte[] buffer = new byte[message.length + 7];
        System.arraycopy(message, 0, buffer, 3, message.length);

        assertEquals(StunDecoder.decode(message), StunDecoder.decode(buffer, 3, message.length));
    }

    private static Reason reasonFor(byte[] message) {
        return assertThrows(StunParseException.class, () -> StunDecoder.decode(message))
                .reason();
    }
}
