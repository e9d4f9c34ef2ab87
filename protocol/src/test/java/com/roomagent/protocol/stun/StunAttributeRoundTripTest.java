package com.roomagent.protocol.stun;

import static com.roomagent.protocol.stun.TestMessages.withoutTrailer;
import static com.roomagent.protocol.stun.TestVectors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every attribute survives encoding and decoding unchanged. */
class StunAttributeRoundTripTest {
    private static final TransactionId ID = TransactionId.of(hex("0102030405060708090a0b0c"));

    static Stream<Arguments> everyAttribute() throws UnknownHostException {
        return Stream.of(
                        new XorMappedAddress(address("203.0.113.7", 3478)),
                        new XorMappedAddress(address("2001:db8::1", 65535)),
                        new MappedAddress(address("198.51.100.1", 0)),
                        new MappedAddress(address("fe80::1:2:3:4", 5349)),
                        new Username("alice:bob"),
                        new Username(""),
                        new Username("\u30DE\u30C8\u30EA\u30C3\u30AF\u30B9"),
                        new Realm("example.org"),
                        new Nonce("f//499k954d6OL34oL9FSTvy64sA"),
                        new Software("room-agent 0.1.0 \uD83D\uDCF9"),
                        new ErrorCode(300, "Try Alternate"),
                        new ErrorCode(420, "Unknown Attribute"),
                        new ErrorCode(699, ""),
                        new UnknownAttributes(List.of(0x0003, 0x7FFF, 0x0024)),
                        new UnknownAttributes(List.of()),
                        new Priority(0),
                        new Priority(0xFFFF_FFFFL),
                        new UseCandidate(),
                        new IceControlled(-1L),
                        new IceControlling(0x0123_4567_89AB_CDEFL),
                        new MessageIntegrity(new byte[20]),
                        new MessageIntegritySha256(new byte[16]),
                        new MessageIntegritySha256(new byte[32]),
                        new Fingerprint(0),
                        new OptionalAttribute(0x8023, hex("000100010a000001")),
                        new OptionalAttribute(0xC001, new byte[] {1, 2, 3}),
                        new OptionalAttribute(0xFFFF, new byte[0]))
                .map(attribute -> Arguments.of(attribute.toString(), attribute));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyAttribute")
    void attributeDecodesToWhatWasEncoded(String name, StunAttribute attribute) throws Exception {
        // A verbatim Fingerprint must match, so only the others travel in a fingerprint-free message.
        StunMessage message = attribute instanceof Fingerprint
                ? StunMessage.bindingRequest(ID)
                : StunMessage.bindingRequest(ID, attribute);

        StunMessage decoded = StunDecoder.decode(StunEncoder.encode(message));

        assertEquals(message, decoded);
    }

    @Test
    void ipv4XorMappedAddressIsXoredWithTheMagicCookie() throws Exception {
        byte[] encoded =
                StunEncoder.encode(StunMessage.bindingSuccess(ID, new XorMappedAddress(address("192.0.2.1", 32853))));

        // RFC 5769 §2.2: port 32853 and 192.0.2.1 XOR the cookie give a147 and e112a643.
        assertArrayEquals(hex("00200008 0001a147 e112a643"), Arrays.copyOfRange(encoded, 20, 32));
    }

    @Test
    void ipv6XorMappedAddressIsXoredWithCookieAndTransactionId() throws Exception {
        InetSocketAddress mapped = address("2001:db8:1234:5678:11:2233:4455:6677", 32853);
        StunMessage message = StunMessage.bindingSuccess(
                TransactionId.of(hex("b7e7a701bc34d686fa87dfae")), new XorMappedAddress(mapped));

        byte[] encoded = StunEncoder.encode(message);

        // RFC 5769 §2.3 gives these bytes for the same address and transaction ID.
        assertArrayEquals(
                hex("00200014 0002a147 0113a9fa a5d3f179 bc25f4b5 bed2b9d9"), Arrays.copyOfRange(encoded, 20, 44));
        assertEquals(
                mapped,
                StunDecoder.decode(encoded)
                        .attribute(XorMappedAddress.class)
                        .orElseThrow()
                        .address());
    }

    @Test
    void ipv4MappedIpv6AddressStaysIpv6AcrossARoundTrip() throws Exception {
        byte[] mappedBytes = hex("00000000000000000000ffffc0000201");
        InetSocketAddress address = new InetSocketAddress(Inet6Address.getByAddress(null, mappedBytes, -1), 1);
        byte[] encoded = StunEncoder.encode(StunMessage.bindingSuccess(ID, new XorMappedAddress(address)));

        InetSocketAddress decoded = StunDecoder.decode(encoded)
                .attribute(XorMappedAddress.class)
                .orElseThrow()
                .address();

        assertInstanceOf(Inet6Address.class, decoded.getAddress());
        assertArrayEquals(encoded, StunEncoder.encode(StunMessage.bindingSuccess(ID, new XorMappedAddress(decoded))));
    }

    @ParameterizedTest
    @EnumSource(StunClass.class)
    void classAndTwelveBitMethodSurviveTheInterleavedMessageType(StunClass messageClass) throws Exception {
        for (int method : new int[] {0x000, StunMethod.BINDING, 0x0AB, 0x3C5, StunMethod.MAX}) {
            StunMessage message = new StunMessage(messageClass, method, ID, List.of());

            assertEquals(message, StunDecoder.decode(StunEncoder.encode(message)));
        }
    }

    @Test
    void messageWithManyAttributesKeepsTheirOrder() throws Exception {
        StunMessage message = StunMessage.bindingError(
                ID,
                new ErrorCode(420, "Unknown Attribute"),
                new UnknownAttributes(List.of(0x0031)),
                new Software("room-agent"),
                new OptionalAttribute(0x8070, new byte[] {9}),
                new Realm("r"),
                new Nonce("n"));

        assertEquals(message, withoutTrailer(StunDecoder.decode(StunEncoder.encode(message, new byte[] {1, 2}, true))));
    }

    @Test
    void repeatedAttributeIsKeptAndTheFirstIsFound() throws Exception {
        StunMessage message = StunMessage.bindingRequest(ID, new Software("first"), new Software("second"));

        StunMessage decoded = StunDecoder.decode(StunEncoder.encode(message));

        assertEquals(message, decoded);
        assertEquals("first", decoded.attribute(Software.class).orElseThrow().value());
    }

    private static InetSocketAddress address(String literal, int port) throws UnknownHostException {
        return new InetSocketAddress(InetAddress.getByName(literal), port);
    }
}
