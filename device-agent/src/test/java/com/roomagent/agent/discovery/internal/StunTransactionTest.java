package com.roomagent.agent.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.protocol.stun.ErrorCode;
import com.roomagent.protocol.stun.Software;
import com.roomagent.protocol.stun.StunClass;
import com.roomagent.protocol.stun.StunDecoder;
import com.roomagent.protocol.stun.StunEncoder;
import com.roomagent.protocol.stun.StunMessage;
import com.roomagent.protocol.stun.TransactionId;
import com.roomagent.protocol.stun.XorMappedAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StunTransactionTest {
    private static final InetSocketAddress MAPPED = new InetSocketAddress("127.0.0.1", 40_000);

    @Test
    void theRequestIsABindingRequestWithSoftwareAndFingerprint() throws Exception {
        StunTransaction transaction = new StunTransaction(Optional.of("room-agent/test"));

        StunMessage request = StunDecoder.decode(transaction.request());

        assertEquals(StunClass.REQUEST, request.messageClass());
        assertEquals(transaction.id(), request.transactionId());
        assertEquals(Optional.of(new Software("room-agent/test")), request.attribute(Software.class));
        assertArrayEquals(transaction.request(), transaction.request(), "retransmissions send the same bytes");
    }

    @Test
    void aSuccessResponseWithOurIdEndsItWithTheMappedAddress() {
        StunTransaction transaction = new StunTransaction(Optional.empty());
        byte[] response = StunEncoder.encode(
                StunMessage.bindingSuccess(transaction.id(), new XorMappedAddress(MAPPED)), null, true);

        StunTransaction.Answer answer = transaction.accept(response, 0, response.length);

        assertEquals(new StunTransaction.Success(MAPPED), answer);
    }

    @Test
    void anErrorResponseRejectsItWithTheCode() {
        StunTransaction transaction = new StunTransaction(Optional.empty());
        byte[] response = StunEncoder.encode(
                StunMessage.bindingError(transaction.id(), new ErrorCode(400, "Bad Request")), null, false);

        assertEquals(
                new StunTransaction.Rejected("error response 400 Bad Request"),
                transaction.accept(response, 0, response.length));
    }

    @Test
    void aSuccessWithoutAnAddressIsRejected() {
        StunTransaction transaction = new StunTransaction(Optional.empty());
        byte[] response = StunEncoder.encode(StunMessage.bindingSuccess(transaction.id()), null, false);

        assertInstanceOf(StunTransaction.Rejected.class, transaction.accept(response, 0, response.length));
    }

    @Test
    void garbageAndOtherTransactionsAreIgnoredAndCounted() {
        StunTransaction transaction = new StunTransaction(Optional.empty());
        byte[] garbage = "HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] other = StunEncoder.encode(
                StunMessage.bindingSuccess(TransactionId.random(), new XorMappedAddress(MAPPED)), null, false);
        assertFalse(transaction.sawIgnoredPackets());

        assertInstanceOf(StunTransaction.Ignored.class, transaction.accept(garbage, 0, garbage.length));
        assertInstanceOf(StunTransaction.Ignored.class, transaction.accept(other, 0, other.length));

        assertTrue(transaction.sawIgnoredPackets());
        assertTrue(
                transaction.ignoredSummary().startsWith("1 malformed packet and 1 STUN message not answering"),
                transaction.ignoredSummary());
    }

    @Test
    void anEchoOfOurOwnRequestIsNotAnAnswer() {
        StunTransaction transaction = new StunTransaction(Optional.empty());
        byte[] echo = transaction.request();

        assertInstanceOf(StunTransaction.Ignored.class, transaction.accept(echo, 0, echo.length));
        assertTrue(transaction.sawIgnoredPackets());
    }
}
