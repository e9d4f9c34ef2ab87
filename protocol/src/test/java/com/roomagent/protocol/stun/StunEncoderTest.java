package com.roomagent.protocol.stun;

import static com.roomagent.protocol.stun.TestMessages.ID;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The encoder lays out messages as RFC 5389 says and refuses what it cannot send. */
class StunEncoderTest {
    @Test
    void bindingClassesHaveTheirWellKnownMessageTypes() {
        assertEquals(0x0001, messageType(StunMessage.bindingRequest(ID)));
        assertEquals(0x0011, messageType(new StunMessage(StunClass.INDICATION, StunMethod.BINDING, ID, List.of())));
        assertEquals(0x0101, messageType(StunMessage.bindingSuccess(ID)));
        assertEquals(0x0111, messageType(StunMessage.bindingError(ID, new ErrorCode(400, "Bad Request"))));
    }

    @Test
    void emptyBindingRequestIsAHeaderWithCookieAndTransactionId() {
        assertArrayEquals(
                TestVectors.hex("0001 0000 2112a442 0102030405060708090a0b0c"),
                StunEncoder.encode(StunMessage.bindingRequest(ID)));
    }

    @Test
    void valuesArePaddedWithZerosByDefault() {
        byte[] encoded = StunEncoder.encode(StunMessage.bindingRequest(ID, new Username("abcde")));

        assertArrayEquals(TestVectors.hex("0006 0005 6162636465 000000"), Arrays.copyOfRange(encoded, 20, 32));
    }

    @Test
    void fingerprintIsAddedLastAndDecodes() throws Exception {
        byte[] encoded = StunEncoder.encode(StunMessage.bindingRequest(ID, new Software("x")), new byte[] {7}, true);

        List<StunAttribute> attributes = StunDecoder.decode(encoded).attributes();

        assertEquals(3, attributes.size());
        assertEquals(MessageIntegrity.class, attributes.get(1).getClass());
        assertEquals(Fingerprint.class, attributes.get(2).getClass());
    }

    @Test
    void integrityInTheListIsRefusedWhenTheEncoderAddsIt() {
        StunMessage message = StunMessage.bindingRequest(ID, new MessageIntegrity(new byte[20]));

        assertThrows(IllegalArgumentException.class, () -> StunEncoder.encode(message, new byte[] {1}, false));
    }

    @Test
    void fingerprintInTheListIsRefusedWhenTheEncoderAddsIt() {
        StunMessage message = StunMessage.bindingRequest(ID, new Fingerprint(0));

        assertThrows(IllegalArgumentException.class, () -> StunEncoder.encode(message, null, true));
        assertThrows(IllegalArgumentException.class, () -> StunEncoder.encode(message, new byte[] {1}, false));
    }

    @Test
    void attributesWhereReceiversWouldIgnoreThemAreRefused() {
        assertRefused(() -> StunEncoder.encode(
                StunMessage.bindingRequest(ID, new MessageIntegrity(new byte[20]), new Software("late"))));
        assertRefused(() -> StunEncoder.encode(StunMessage.bindingRequest(ID, new Fingerprint(0), new UseCandidate())));
        assertRefused(() -> StunEncoder.encode(StunMessage.bindingRequest(
                ID, new MessageIntegritySha256(new byte[32]), new MessageIntegrity(new byte[20]))));
    }

    @Test
    void invalidValuesAreRefusedWhereTheyAreMade() {
        assertRefused(() -> new Software("x".repeat(128)));
        assertRefused(() -> new Software("x".repeat(764)));
        assertRefused(() -> new Realm("\uD83D"));
        assertRefused(() -> new Username("u".repeat(513)));
        assertRefused(() -> new ErrorCode(299, "too low"));
        assertRefused(() -> new ErrorCode(700, "too high"));
        assertRefused(() -> new Priority(-1));
        assertRefused(() -> new Priority(0x1_0000_0000L));
        assertRefused(() -> new Fingerprint(-1));
        assertRefused(() -> new MessageIntegrity(new byte[19]));
        assertRefused(() -> new MessageIntegritySha256(new byte[18]));
        assertRefused(() -> new UnknownAttributes(List.of(0x10000)));
        assertRefused(() -> new XorMappedAddress(InetSocketAddress.createUnresolved("stun.example.org", 3478)));
        assertRefused(() -> new OptionalAttribute(0x7000, new byte[0]));
        assertRefused(() -> new OptionalAttribute(StunAttributeType.SOFTWARE, new byte[0]));
        assertRefused(() -> new StunMessage(StunClass.REQUEST, 0x1000, ID, List.of()));
    }

    @Test
    void softwareOf127FourByteCharactersIsAccepted() {
        Software software = new Software("\uD83D\uDCF9".repeat(127));

        assertEquals(20 + 4 + 127 * 4, StunEncoder.encode(StunMessage.bindingRequest(ID, software)).length);
    }

    @Test
    void messageLongerThanTheLengthFieldCanCountIsRefused() {
        byte[] big = new byte[OptionalAttribute.MAX_VALUE_LENGTH];
        StunMessage message = StunMessage.bindingRequest(ID, new OptionalAttribute(0x8100, big), new UseCandidate());

        assertRefused(() -> StunEncoder.encode(message));
    }

    @Test
    void largestMessageThatFitsIsEncoded() throws Exception {
        byte[] value = new byte[0xFFFF - 3 - 4 - 8];
        StunMessage message = StunMessage.bindingRequest(ID, new OptionalAttribute(0x8100, value));

        byte[] encoded = StunEncoder.encode(message, null, true);

        assertEquals(20 + 0xFFFC, encoded.length);
        assertEquals(message, TestMessages.withoutTrailer(StunDecoder.decode(encoded)));
    }

    private static int messageType(StunMessage message) {
        byte[] encoded = StunEncoder.encode(message);
        return ((encoded[0] & 0xFF) << 8) | (encoded[1] & 0xFF);
    }

    private static void assertRefused(Executable executable) {
        assertThrows(IllegalArgumentException.class, executable);
    }
}
