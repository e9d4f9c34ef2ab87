package com.roomagent.protocol.stun;

import static com.roomagent.protocol.stun.TestMessages.withoutTrailer;
import static com.roomagent.protocol.stun.TestVectors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test vectors of RFC 5769, each decoded, verified and re-encoded bit for bit. */
class Rfc5769VectorsTest {
    private static final TransactionId SAMPLE_ID = TransactionId.of(hex("b7e7a701bc34d686fa87dfae"));
    private static final byte[] SHORT_TERM_KEY = StunCredentials.shortTermKey(TestVectors.RFC5769_SHORT_TERM_PASSWORD);
    private static final String LONG_TERM_USERNAME = "\u30DE\u30C8\u30EA\u30C3\u30AF\u30B9";
    private static final String LONG_TERM_PASSWORD = "The\u00ADM\u00AAtr\u2168";
    private static final byte SPACE_PADDING = 0x20;

    @Test
    void sampleRequestDecodesToEveryAttributeOfSection21() throws Exception {
        StunMessage message = StunDecoder.decode(TestVectors.load(TestVectors.RFC5769_SAMPLE_REQUEST));

        assertEquals(StunClass.REQUEST, message.messageClass());
        assertEquals(StunMethod.BINDING, message.method());
        assertEquals(SAMPLE_ID, message.transactionId());
        assertEquals(
                List.of(
                        new Software("STUN test client"),
                        new Priority(0x6e0001ffL),
                        new IceControlled(0x932ff9b151263b36L),
                        new Username("evtj:h6vY"),
                        new MessageIntegrity(hex("9aeaa70cbfd8cb56781ef2b5b2d3f249c1b571a2")),
                        new Fingerprint(0xe57a3bcfL)),
                message.attributes());
    }

    @Test
    void sampleRequestIntegrityVerifiesWithTheShortTermPasswordOnly() throws Exception {
        byte[] raw = TestVectors.load(TestVectors.RFC5769_SAMPLE_REQUEST);

        assertTrue(StunIntegrity.verify(raw, SHORT_TERM_KEY));
        assertFalse(StunIntegrity.verify(raw, StunCredentials.shortTermKey("VOkJxbRl1RmTxUk/WvJxBT")));
    }

    @Test
    void sampleRequestReencodesToTheSameBytesWithComputedIntegrityAndFingerprint() throws Exception {
        byte[] raw = TestVectors.load(TestVectors.RFC5769_SAMPLE_REQUEST);

        byte[] encoded = StunEncoder.encode(withoutTrailer(StunDecoder.decode(raw)), signedWithSpaces(SHORT_TERM_KEY));

        assertArrayEquals(raw, encoded);
    }

    @Test
    void sampleIpv4ResponseDecodesToItsMappedAddress() throws Exception {
        StunMessage message = StunDecoder.decode(TestVectors.load(TestVectors.RFC5769_IPV4_RESPONSE));

        assertEquals(StunClass.SUCCESS_RESPONSE, message.messageClass());
        assertEquals(SAMPLE_ID, message.transactionId());
        assertEquals(
                List.of(
                        new Software("test vector"),
                        new XorMappedAddress(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853)),
                        new MessageIntegrity(hex("2b91f599fd9e90c38c7489f92af9ba53f06be7d7")),
                        new Fingerprint(0xc07d4c96L)),
                message.attributes());
    }

    @Test
    void sampleIpv4ResponseVerifiesAndReencodesToTheSameBytes() throws Exception {
        byte[] raw = TestVectors.load(TestVectors.RFC5769_IPV4_RESPONSE);

        assertTrue(StunIntegrity.verify(raw, SHORT_TERM_KEY));
        assertArrayEquals(
                raw, StunEncoder.encode(withoutTrailer(StunDecoder.decode(raw)), signedWithSpaces(SHORT_TERM_KEY)));
    }

    @Test
    void sampleIpv6ResponseDecodesToItsMappedAddress() throws Exception {
        StunMessage message = StunDecoder.decode(TestVectors.load(TestVectors.RFC5769_IPV6_RESPONSE));

        assertEquals(StunClass.SUCCESS_RESPONSE, message.messageClass());
        assertEquals(SAMPLE_ID, message.transactionId());
        assertEquals(
                List.of(
                        new Software("test vector"),
                        new XorMappedAddress(new InetSocketAddress(
                                InetAddress.getByName("2001:db8:1234:5678:11:2233:4455:6677"), 32853)),
                        new MessageIntegrity(hex("a382954e4be67bf11784c97c8292c275bfe3ed41")),
                        new Fingerprint(0xc8fb0b4cL)),
                message.attributes());
    }

    @Test
    void sampleIpv6ResponseVerifiesAndReencodesToTheSameBytes() throws Exception {
        byte[] raw = TestVectors.load(TestVectors.RFC5769_IPV6_RESPONSE);

        assertTrue(StunIntegrity.verify(raw, SHORT_TERM_KEY));
        assertArrayEquals(
                raw, StunEncoder.encode(withoutTrailer(StunDecoder.decode(raw)), signedWithSpaces(SHORT_TERM_KEY)));
    }

    @Test
    void longTermRequestDecodesToItsCredentialAttributes() throws Exception {
        StunMessage message = StunDecoder.decode(TestVectors.load(TestVectors.RFC5769_LONG_TERM_REQUEST));

        assertEquals(StunClass.REQUEST, message.messageClass());
        assertEquals(TransactionId.of(hex("78ad3433c6ad72c029da412e")), message.transactionId());
        assertEquals(
                List.of(
                        new Username(LONG_TERM_USERNAME),
                        new Nonce("f//499k954d6OL34oL9FSTvy64sA"),
                        new Realm("example.org"),
                        new MessageIntegrity(hex("f67024656dd64a3e02b8e0712e85c9a28ca89666"))),
                message.attributes());
    }

    @Test
    void longTermKeyIsMd5OfUsernameRealmAndSaslPreparedPassword() throws Exception {
        byte[] expected = MessageDigest.getInstance("MD5")
                .digest((LONG_TERM_USERNAME + ":example.org:TheMatrIX").getBytes(StandardCharsets.UTF_8));

        assertArrayEquals(expected, StunCredentials.longTermKey(LONG_TERM_USERNAME, "example.org", LONG_TERM_PASSWORD));
    }

    @Test
    void longTermRequestVerifiesWithTheLongTermKeyAndReencodesToTheSameBytes() throws Exception {
        byte[] raw = TestVectors.load(TestVectors.RFC5769_LONG_TERM_REQUEST);
        byte[] key = StunCredentials.longTermKey(LONG_TERM_USERNAME, "example.org", LONG_TERM_PASSWORD);

        assertTrue(StunIntegrity.verify(raw, key));
        assertFalse(
                StunIntegrity.verify(raw, StunCredentials.longTermKey(LONG_TERM_USERNAME, "example.org", "TheMatrix")));
        // RFC 5769 pads this vector with zeros, the default.
        assertArrayEquals(raw, StunEncoder.encode(withoutTrailer(StunDecoder.decode(raw)), key, false));
    }

    @Test
    void everyVectorReencodesVerbatimFromItsDecodedAttributes() throws Exception {
        for (String vector : List.of(
                TestVectors.RFC5769_SAMPLE_REQUEST,
                TestVectors.RFC5769_IPV4_RESPONSE,
                TestVectors.RFC5769_IPV6_RESPONSE)) {
            byte[] raw = TestVectors.load(vector);
            StunEncodeOptions spaces = StunEncodeOptions.defaults().withPaddingByte(SPACE_PADDING);

            assertArrayEquals(raw, StunEncoder.encode(StunDecoder.decode(raw), spaces), vector);
        }
        byte[] zeroPadded = TestVectors.load(TestVectors.RFC5769_LONG_TERM_REQUEST);
        assertArrayEquals(zeroPadded, StunEncoder.encode(StunDecoder.decode(zeroPadded)));
    }

    private static StunEncodeOptions signedWithSpaces(byte[] key) {
        return StunEncodeOptions.defaults()
                .withIntegrity(key)
                .withFingerprint(true)
                .withPaddingByte(SPACE_PADDING);
    }
}
