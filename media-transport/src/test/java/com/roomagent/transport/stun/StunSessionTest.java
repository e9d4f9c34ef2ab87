package com.roomagent.transport.stun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.stun.ErrorCode;
import com.roomagent.protocol.stun.StunDecoder;
import com.roomagent.protocol.stun.StunEncoder;
import com.roomagent.protocol.stun.StunIntegrity;
import com.roomagent.protocol.stun.StunMessage;
import com.roomagent.protocol.stun.Username;
import com.roomagent.protocol.stun.XorMappedAddress;
import com.roomagent.transport.FakeMediaChannel;
import com.roomagent.transport.MediaCandidate;
import com.roomagent.transport.MediaChannel;
import com.roomagent.transport.StunResponder;
import com.roomagent.transport.channel.ChannelSettings;
import com.roomagent.transport.channel.RealChannelOpener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class StunSessionTest {
    private static final ShortTermCredentials CREDENTIALS = new ShortTermCredentials("flow-7:room", "pass-word-7");
    private final long[] now = {0};

    @Test
    void aBindingCheckOverUdpReturnsTheMappedAddressAndRtt() throws Exception {
        try (StunResponder node = new StunResponder(null, CREDENTIALS.key());
                MediaChannel channel = new RealChannelOpener(ChannelSettings.defaults(), null)
                        .open(new MediaCandidate("n", "127.0.0.1", MediaTransport.UDP, node.udpPort()))) {
            StunSession stun = new StunSession(channel, CREDENTIALS, System::nanoTime);
            BindingResponse answer = stun.check(Duration.ofMillis(200), Duration.ofSeconds(5));
            assertEquals(
                    channel.localAddress().getPort(),
                    answer.mappedAddress().orElseThrow().getPort());
            assertFalse(answer.rtt().isNegative());
            assertTrue(answer.rtt().compareTo(Duration.ofSeconds(5)) < 0);
        }
    }

    @Test
    void requestsCarryUsernameIntegrityAndFingerprint() throws Exception {
        FakeMediaChannel channel = new FakeMediaChannel(MediaTransport.UDP);
        StunSession stun = new StunSession(channel, CREDENTIALS, () -> now[0]);
        stun.newBinding().send();
        byte[] sent = channel.sent().get(0);
        StunMessage request = StunDecoder.decode(sent); // checks FINGERPRINT when present
        assertEquals(
                "flow-7:room", request.attribute(Username.class).orElseThrow().value());
        assertTrue(StunIntegrity.verify(sent, CREDENTIALS.key()));
        assertTrue(
                request.attribute(com.roomagent.protocol.stun.Fingerprint.class).isPresent());
    }

    @Test
    void aResponseWithoutValidIntegrityIsIgnoredAndASignedOneCompletesWithTheRtt() throws Exception {
        FakeMediaChannel channel = new FakeMediaChannel(MediaTransport.UDP);
        StunSession stun = new StunSession(channel, CREDENTIALS, () -> now[0]);
        BindingTransaction transaction = stun.newBinding();
        now[0] = 1_000_000_000L;
        transaction.send();
        StunMessage success = StunMessage.bindingSuccess(
                transaction.id(), new XorMappedAddress(new InetSocketAddress("198.51.100.7", 40000)));
        channel.deliver(StunEncoder.encode(success, null, true));
        channel.deliver(StunEncoder.encode(success, "other-key".getBytes(), true));
        assertFalse(transaction.response().isDone(), "unsigned and wrongly signed responses are ignored");
        assertEquals(2, stun.droppedPackets());
        now[0] += 42_000_000L;
        channel.deliver(StunEncoder.encode(success, CREDENTIALS.key(), true));
        BindingResponse answer = transaction.response().getNow(null);
        assertEquals(Duration.ofMillis(42), answer.rtt());
        assertEquals(1, answer.transmissions());
        assertEquals(40000, answer.mappedAddress().orElseThrow().getPort());
    }

    @Test
    void anErrorResponseFailsTheTransactionWithItsCode() {
        FakeMediaChannel channel = new FakeMediaChannel(MediaTransport.TCP);
        StunSession stun = new StunSession(channel, CREDENTIALS, () -> now[0]);
        BindingTransaction transaction = stun.newBinding();
        channel.deliver(StunEncoder.encode(
                StunMessage.bindingError(transaction.id(), new ErrorCode(401, "Unauthorized")), null, true));
        ExecutionException error = assertThrows(
                ExecutionException.class, () -> transaction.response().get(5, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(
                error.getCause().getMessage().contains("refused the Binding request: 401 Unauthorized"),
                error.getCause().getMessage());
    }

    @Test
    void dtlsAndSrtpGoDownstreamAndUnknownPacketsAreDropped() {
        FakeMediaChannel channel = new FakeMediaChannel(MediaTransport.UDP);
        StunSession stun = new StunSession(channel, null, () -> now[0]);
        List<byte[]> downstream = new ArrayList<>();
        byte[] dtls = {22, (byte) 0xFE, (byte) 0xFD, 0, 0};
        byte[] srtp = {(byte) 0x80, 96, 0, 1};
        byte[] unknown = {(byte) 0xFF, 1, 2};
        channel.deliver(dtls); // before a downstream receiver: dropped
        stun.downstream(downstream::add);
        channel.deliver(dtls);
        channel.deliver(srtp);
        channel.deliver(unknown);
        channel.deliver(new byte[0]);
        assertEquals(2, downstream.size());
        assertArrayEquals(dtls, downstream.get(0));
        assertArrayEquals(srtp, downstream.get(1));
        assertEquals(3, stun.droppedPackets());
    }

    @Test
    void aStunResponseForNoPendingTransactionIsDroppedNotPassedDownstream() {
        FakeMediaChannel channel = new FakeMediaChannel(MediaTransport.UDP);
        StunSession stun = new StunSession(channel, null, () -> now[0]);
        List<byte[]> downstream = new ArrayList<>();
        stun.downstream(downstream::add);
        channel.deliver(StunEncoder.encode(
                StunMessage.bindingSuccess(com.roomagent.protocol.stun.TransactionId.random()), null, true));
        assertTrue(downstream.isEmpty());
        assertEquals(1, stun.droppedPackets());
    }

    @Test
    void aChannelClosingFailsPendingTransactionsAndTellsTheListener() {
        FakeMediaChannel channel = new FakeMediaChannel(MediaTransport.TCP);
        StunSession stun = new StunSession(channel, null, () -> now[0]);
        List<String> closed = new ArrayList<>();
        stun.onClosed(cause -> closed.add(cause.getMessage()));
        BindingTransaction transaction = stun.newBinding();
        channel.fail(new IOException("connection reset"));
        ExecutionException error = assertThrows(
                ExecutionException.class, () -> transaction.response().get(5, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(
                error.getCause().getMessage().contains("closed: connection reset"),
                error.getCause().getMessage());
        assertEquals(List.of("connection reset"), closed);
    }

    @Test
    void aCheckOverUdpRetransmitsUntilItGivesUpNamingTheNode() throws Exception {
        try (StunResponder node = new StunResponder(null, null);
                MediaChannel channel = new RealChannelOpener(ChannelSettings.defaults(), null)
                        .open(new MediaCandidate("n", "127.0.0.1", MediaTransport.UDP, node.udpPort()))) {
            node.answerUdp(false);
            StunSession stun = new StunSession(channel, null, System::nanoTime);
            StunTransactionException error = assertThrows(
                    StunTransactionException.class, () -> stun.check(Duration.ofMillis(50), Duration.ofMillis(400)));
            assertTrue(
                    error.getMessage()
                            .startsWith("no STUN answer from udp 127.0.0.1:" + node.udpPort() + " within 400 ms"),
                    error.getMessage());
            assertTrue(node.udpRequests() >= 2, "retransmitted: " + node.udpRequests());
        }
    }
}
