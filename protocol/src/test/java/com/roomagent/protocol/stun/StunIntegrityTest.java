package com.roomagent.protocol.stun;

import static com.roomagent.protocol.stun.TestMessages.ID;
import static com.roomagent.protocol.stun.TestMessages.attribute;
import static com.roomagent.protocol.stun.TestMessages.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.protocol.stun.StunParseException.Reason;
import java.nio.ByteBuffer;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** MESSAGE-INTEGRITY and MESSAGE-INTEGRITY-SHA256 verify only with the right key. */
class StunIntegrityTest {
    private static final byte[] KEY = StunCredentials.shortTermKey("pass");
    private static final byte[] OTHER_KEY = StunCredentials.shortTermKey("Pass");
    private static final StunMessage REQUEST = StunMessage.bindingRequest(ID, new Username("a:b"), new Priority(1));

    @Test
    void messageWithoutIntegrityDoesNotVerify() throws Exception {
        assertFalse(StunIntegrity.verify(StunEncoder.encode(REQUEST, null, true), KEY));
        assertFalse(StunIntegrity.verifySha256(StunEncoder.encode(REQUEST, KEY, true), KEY));
    }

    @Test
    void integrityVerifiesWithItsKeyOnly() throws Exception {
        byte[] signed = StunEncoder.encode(REQUEST, KEY, true);

        assertTrue(StunIntegrity.verify(signed, KEY));
        assertFalse(StunIntegrity.verify(signed, OTHER_KEY));
    }

    @Test
    void tamperedAttributeFailsIntegrity() throws Exception {
        byte[] signed = StunEncoder.encode(REQUEST, KEY, false);
        signed[signed.length - 25] ^= 1; // last byte of PRIORITY, just before MESSAGE-INTEGRITY

        assertFalse(StunIntegrity.verify(signed, KEY));
    }

    @Test
    void emptyPasswordIsAUsableKey() throws Exception {
        byte[] empty = StunCredentials.shortTermKey("");
        byte[] signed = StunEncoder.encode(REQUEST, empty, false);

        assertTrue(StunIntegrity.verify(signed, empty));
        assertFalse(StunIntegrity.verify(signed, KEY));
    }

    @Test
    void sha256IntegrityVerifiesAlongsideSha1AndFingerprint() throws Exception {
        byte[] signed = StunEncoder.encode(
                REQUEST,
                StunEncodeOptions.defaults()
                        .withIntegrity(KEY)
                        .withIntegritySha256(KEY)
                        .withFingerprint(true));

        assertTrue(StunIntegrity.verify(signed, KEY));
        assertTrue(StunIntegrity.verifySha256(signed, KEY));
        assertFalse(StunIntegrity.verifySha256(signed, OTHER_KEY));
        assertEquals(
                32,
                StunDecoder.decode(signed)
                        .attribute(MessageIntegritySha256.class)
                        .orElseThrow()
                        .hmac()
                        .length);
    }

    @Test
    void truncatedSha256IntegrityIsComparedWithTheSameLengthPrefix() throws Exception {
        byte[] unsigned = StunEncoder.encode(REQUEST);
        // RFC 8489 §14.6: 16 bytes, the HMAC computed with the length field ending after them.
        byte[] prefix = Arrays.copyOf(hmacSha256(unsigned, unsigned.length - 20 + 4 + 16), 16);
        StunMessage truncated = StunMessage.bindingRequest(
                ID, new Username("a:b"), new Priority(1), new MessageIntegritySha256(prefix));

        byte[] signed = StunEncoder.encode(truncated);

        assertTrue(StunIntegrity.verifySha256(signed, KEY));
        assertFalse(StunIntegrity.verifySha256(signed, OTHER_KEY));
    }

    @Test
    void sha256IntegrityOfIllegalLengthIsABadAttribute() {
        byte[] message = raw(0x0001, attribute(StunAttributeType.MESSAGE_INTEGRITY_SHA256, new byte[12]));

        StunParseException e = assertThrows(StunParseException.class, () -> StunIntegrity.verifySha256(message, KEY));

        assertEquals(Reason.BAD_ATTRIBUTE, e.reason());
    }

    @Test
    void ignoredAttributeAfterIntegrityDoesNotBreakIt() throws Exception {
        byte[] signed = StunEncoder.encode(REQUEST, KEY, false);
        byte[] extra = attribute(StunAttributeType.SOFTWARE, "7a7a7a7a");
        byte[] withExtra = Arrays.copyOf(signed, signed.length + extra.length);
        System.arraycopy(extra, 0, withExtra, signed.length, extra.length);
        withExtra[3] += (byte) extra.length;

        // RFC 5389 §15.4: the HMAC ignores what follows MESSAGE-INTEGRITY, and so does the decoder.
        assertTrue(StunIntegrity.verify(withExtra, KEY));
        assertEquals(
                REQUEST.attributes(),
                TestMessages.withoutTrailer(StunDecoder.decode(withExtra)).attributes());
    }

    @Test
    void integrityAfterSha256IntegrityIsIgnored() throws Exception {
        byte[] sha256First =
                StunEncoder.encode(REQUEST, StunEncodeOptions.defaults().withIntegritySha256(KEY));
        byte[] sha1Signed = StunEncoder.encode(REQUEST, KEY, false);
        byte[] integrity = Arrays.copyOfRange(sha1Signed, sha1Signed.length - 24, sha1Signed.length);
        byte[] both = Arrays.copyOf(sha256First, sha256First.length + integrity.length);
        System.arraycopy(integrity, 0, both, sha256First.length, integrity.length);
        both[3] += (byte) integrity.length;

        assertFalse(StunIntegrity.verify(both, KEY));
        assertTrue(StunIntegrity.verifySha256(both, KEY));
    }

    @Test
    void messageInsideALargerBufferVerifiesFromItsOffset() throws Exception {
        byte[] signed = StunEncoder.encode(REQUEST, KEY, true);
        byte[] buffer = new byte[signed.length + 10];
        System.arraycopy(signed, 0, buffer, 5, signed.length);

        assertTrue(StunIntegrity.verify(buffer, 5, signed.length, KEY));
    }

    @Test
    void bytesThatAreNotStunRaiseAParseException() {
        assertThrows(StunParseException.class, () -> StunIntegrity.verify(new byte[] {1, 2, 3}, KEY));
    }

    private static byte[] hmacSha256(byte[] message, int lengthField) throws Exception {
        byte[] copy = message.clone();
        ByteBuffer.wrap(copy).putShort(2, (short) lengthField);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        return mac.doFinal(copy);
    }
}
