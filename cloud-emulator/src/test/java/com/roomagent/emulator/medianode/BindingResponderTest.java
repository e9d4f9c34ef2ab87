package com.roomagent.emulator.medianode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.emulator.medianode.BindingResponder.Answer;
import com.roomagent.emulator.medianode.BindingResponder.Outcome;
import com.roomagent.protocol.stun.ErrorCode;
import com.roomagent.protocol.stun.Fingerprint;
import com.roomagent.protocol.stun.Software;
import com.roomagent.protocol.stun.StunClass;
import com.roomagent.protocol.stun.StunDecoder;
import com.roomagent.protocol.stun.StunEncoder;
import com.roomagent.protocol.stun.StunMessage;
import com.roomagent.protocol.stun.StunMethod;
import com.roomagent.protocol.stun.TransactionId;
import com.roomagent.protocol.stun.UnknownAttributes;
import com.roomagent.protocol.stun.XorMappedAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class BindingResponderTest {
    private static final InetSocketAddress SOURCE = new InetSocketAddress("192.0.2.10", 40123);

    @Test
    void bindingRequestGetsSuccessWithSourceAsXorMappedAddressSoftwareAndFingerprint() throws Exception {
        TransactionId id = TransactionId.random();
        byte[] request = StunProbe.bindingRequest(id);

        Answer answer = BindingResponder.answer(request, 0, request.length, SOURCE);

        assertEquals(Outcome.BINDING_SUCCESS, answer.outcome());
        StunMessage response = StunDecoder.decode(answer.response().orElseThrow());
        assertEquals(StunClass.SUCCESS_RESPONSE, response.messageClass());
        assertEquals(StunMethod.BINDING, response.method());
        assertEquals(id, response.transactionId());
        assertEquals(
                SOURCE, response.attribute(XorMappedAddress.class).orElseThrow().address());
        assertEquals(
                "room-agent cloud-emulator",
                response.attribute(Software.class).orElseThrow().value());
        assertTrue(response.attribute(Fingerprint.class).isPresent());
    }

    @Test
    void requestInTheMiddleOfABufferIsReadFromItsOffset() throws Exception {
        byte[] request = StunProbe.bindingRequest(TransactionId.random());
        byte[] buffer = new byte[request.length + 7];
        System.arraycopy(request, 0, buffer, 3, request.length);

        Answer answer = BindingResponder.answer(buffer, 3, request.length, SOURCE);

        assertEquals(Outcome.BINDING_SUCCESS, answer.outcome());
    }

    @Test
    void unknownComprehensionRequiredAttributeGets420ListingIt() throws Exception {
        TransactionId id = TransactionId.random();
        byte[] request = withUnknownRequiredAttribute(StunClass.REQUEST, id, 0x7F31);

        Answer answer = BindingResponder.answer(request, 0, request.length, SOURCE);

        assertEquals(Outcome.UNKNOWN_ATTRIBUTE_ERROR, answer.outcome());
        StunMessage response = StunDecoder.decode(answer.response().orElseThrow());
        assertEquals(StunClass.ERROR_RESPONSE, response.messageClass());
        assertEquals(StunMethod.BINDING, response.method());
        assertEquals(id, response.transactionId());
        assertEquals(420, response.attribute(ErrorCode.class).orElseThrow().code());
        assertEquals(
                List.of(0x7F31),
                response.attribute(UnknownAttributes.class).orElseThrow().types());
    }

    @Test
    void indicationWithUnknownRequiredAttributeIsDropped() {
        byte[] indication = withUnknownRequiredAttribute(StunClass.INDICATION, TransactionId.random(), 0x7F31);

        Answer answer = BindingResponder.answer(indication, 0, indication.length, SOURCE);

        assertEquals(Outcome.NOT_A_REQUEST, answer.outcome());
        assertTrue(answer.response().isEmpty());
    }

    @Test
    void garbageIsDroppedWithoutAnswer() {
        byte[] garbage = "GET / HTTP/1.1\r\nHost: nowhere\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        Answer answer = BindingResponder.answer(garbage, 0, garbage.length, SOURCE);

        assertEquals(Outcome.MALFORMED, answer.outcome());
        assertTrue(answer.response().isEmpty());
    }

    @Test
    void truncatedRequestIsDroppedWithoutAnswer() {
        byte[] request = StunProbe.bindingRequest(TransactionId.random());

        Answer answer = BindingResponder.answer(request, 0, request.length - 4, SOURCE);

        assertEquals(Outcome.MALFORMED, answer.outcome());
    }

    @Test
    void indicationsAndResponsesAreNeverAnswered() {
        TransactionId id = TransactionId.random();
        for (StunClass messageClass : List.of(StunClass.INDICATION, StunClass.SUCCESS_RESPONSE)) {
            byte[] packet = StunEncoder.encode(new StunMessage(messageClass, StunMethod.BINDING, id, List.of()));

            Answer answer = BindingResponder.answer(packet, 0, packet.length, SOURCE);

            assertEquals(Outcome.NOT_A_REQUEST, answer.outcome(), messageClass.name());
        }
    }

    @Test
    void requestForAnotherMethodIsDropped() {
        byte[] allocate =
                StunEncoder.encode(new StunMessage(StunClass.REQUEST, 0x003, TransactionId.random(), List.of()));

        Answer answer = BindingResponder.answer(allocate, 0, allocate.length, SOURCE);

        assertEquals(Outcome.UNSUPPORTED_METHOD, answer.outcome());
    }

    @Test
    void answeringDoesNotChangeTheRequestBytes() {
        byte[] request = StunProbe.bindingRequest(TransactionId.random());
        byte[] copy = request.clone();

        BindingResponder.answer(request, 0, request.length, SOURCE);

        assertArrayEquals(copy, request);
    }

    /**
     * A message with one attribute of a comprehension-required type (below 0x8000, RFC 5389 section
     * 15) that no codec knows; written by hand because an encoder rightly has no record for it.
     */
    static byte[] withUnknownRequiredAttribute(StunClass messageClass, TransactionId id, int type) {
        byte[] header = StunEncoder.encode(new StunMessage(messageClass, StunMethod.BINDING, id, List.of()));
        ByteBuffer message = ByteBuffer.allocate(header.length + 8);
        message.put(header);
        message.putShort(2, (short) 8);
        message.putShort((short) type).putShort((short) 4).putInt(0x01020304);
        return message.array();
    }
}
