package com.roomagent.transport.stun;

import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.stun.ErrorCode;
import com.roomagent.protocol.stun.StunClass;
import com.roomagent.protocol.stun.StunDecoder;
import com.roomagent.protocol.stun.StunEncoder;
import com.roomagent.protocol.stun.StunIntegrity;
import com.roomagent.protocol.stun.StunMessage;
import com.roomagent.protocol.stun.StunMethod;
import com.roomagent.protocol.stun.StunParseException;
import com.roomagent.protocol.stun.TransactionId;
import com.roomagent.protocol.stun.Username;
import com.roomagent.protocol.stun.XorMappedAddress;
import com.roomagent.transport.MediaChannel;
import com.roomagent.transport.PacketKind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The STUN client on one media channel, and the channel's demultiplexer (RFC 7983 section 7): it
 * becomes the channel's receiver, keeps STUN for itself (matching Binding responses to requests by
 * transaction ID, RFC 5389 section 7.3), and passes DTLS and SRTP/SRTCP packets to the downstream
 * receiver that the DTLS/SRTP layer sets. Packets of unknown kind are dropped and counted.
 *
 * <p>With {@link ShortTermCredentials}, requests carry USERNAME, MESSAGE-INTEGRITY and FINGERPRINT,
 * and a response without a valid MESSAGE-INTEGRITY is ignored (RFC 5389 section 10.1.3); without
 * credentials, requests carry FINGERPRINT only (RFC 7983 recommends it where protocols share a
 * port). Thread-safe: requests may be sent from any thread; responses are handled on the channel's
 * reader thread.
 */
public final class StunSession {
    private static final Logger LOG = LoggerFactory.getLogger(StunSession.class);

    private final MediaChannel channel;
    private final ShortTermCredentials credentials;
    private final byte[] key;
    private final LongSupplier nanoClock;
    private final Map<TransactionId, BindingTransaction> pending = new ConcurrentHashMap<>();
    private final AtomicLong dropped = new AtomicLong();
    private volatile MediaChannel.PacketReceiver downstream;
    private volatile InboundObserver observer = kind -> {};
    private volatile MediaChannel.ChannelClosedListener closedListener = cause -> {};

    /** Sees the kind of every packet that arrives, before it is routed; used by the media watchdog. */
    @FunctionalInterface
    public interface InboundObserver {
        void arrived(PacketKind kind);
    }

    /**
     * Takes over the channel's receiver and close listener.
     *
     * @param credentialsOrNull short-term credentials from signaling, or null before they are known
     * @param nanoClock monotonic nanoseconds, for RTTs
     */
    public StunSession(MediaChannel channel, ShortTermCredentials credentialsOrNull, LongSupplier nanoClock) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.credentials = credentialsOrNull;
        this.key = credentialsOrNull == null ? null : credentialsOrNull.key();
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        channel.onClosed(this::channelClosed);
        channel.onPacket(this::route);
    }

    public MediaChannel channel() {
        return channel;
    }

    /**
     * Sets who receives the DTLS and SRTP/SRTCP packets from now on, on the channel's reader thread;
     * until then they are dropped and counted.
     */
    public void downstream(MediaChannel.PacketReceiver receiver) {
        this.downstream = Objects.requireNonNull(receiver, "receiver");
    }

    /** Sets who sees every inbound packet's kind. */
    public void observer(InboundObserver inboundObserver) {
        this.observer = Objects.requireNonNull(inboundObserver, "inboundObserver");
    }

    /**
     * Sets who hears that the channel stopped, after pending transactions have failed (the session
     * holds the channel's own close listener).
     */
    public void onClosed(MediaChannel.ChannelClosedListener listener) {
        this.closedListener = Objects.requireNonNull(listener, "listener");
    }

    /** Sends a packet of the layer above (DTLS, SRTP) on the channel. */
    public void send(byte[] packet) throws IOException {
        channel.send(packet);
    }

    /** Packets dropped: unknown kind, unmatched or unverifiable STUN, or no downstream receiver yet. */
    public long droppedPackets() {
        return dropped.get();
    }

    /** Creates a Binding transaction; call {@link BindingTransaction#send()} to send it. */
    public BindingTransaction newBinding() {
        TransactionId id = TransactionId.random();
        StunMessage request = credentials == null
                ? StunMessage.bindingRequest(id)
                : StunMessage.bindingRequest(id, new Username(credentials.username()));
        BindingTransaction transaction = new BindingTransaction(this, id, StunEncoder.encode(request, key, true));
        pending.put(id, transaction);
        if (channel.isClosed()) {
            forget(id);
            transaction.fail(new StunTransactionException("the channel to " + node() + " is closed"));
        }
        return transaction;
    }

    /**
     * Sends one Binding request and waits for its answer, retransmitting over UDP at {@code
     * initialRto}, doubling (RFC 5389 section 7.2.1), and sending once over TCP and TLS (section
     * 7.2.2), until {@code timeout}. Blocks the calling thread, never the reader.
     *
     * @throws StunTransactionException naming the node and how long it waited, or the error response
     */
    public BindingResponse check(Duration initialRto, Duration timeout) throws IOException, InterruptedException {
        BindingTransaction transaction = newBinding();
        boolean reliable = channel.transport().protocol() != MediaTransport.Protocol.UDP;
        long start = nanoClock.getAsLong();
        long deadline = start + timeout.toNanos();
        long rto = initialRto.toNanos();
        try {
            transaction.send();
            long nextSend = reliable ? Long.MAX_VALUE : start + rto;
            while (true) {
                long now = nanoClock.getAsLong();
                if (now >= deadline) {
                    throw new StunTransactionException(
                            "no STUN answer from " + channel.transport().id() + " "
                                    + node() + " within " + timeout.toMillis() + " ms ("
                                    + transaction.transmissions() + " requests sent)");
                }
                long wait = Math.min(deadline, nextSend) - now;
                try {
                    return transaction.response().get(Math.max(1, wait), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    if (nanoClock.getAsLong() >= nextSend) {
                        rto *= 2;
                        nextSend = nanoClock.getAsLong() + rto;
                        transaction.send();
                    }
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof StunTransactionException stun) {
                        throw new StunTransactionException(stun.getMessage(), stun);
                    }
                    throw new StunTransactionException("STUN transaction failed: " + cause, cause);
                }
            }
        } finally {
            forget(transaction.id());
        }
    }

    /** The node's end of the channel as {@code host:port}, for messages. */
    private String node() {
        InetSocketAddress remote = channel.remoteAddress();
        return remote.getHostString() + ":" + remote.getPort();
    }

    long nanoTime() {
        return nanoClock.getAsLong();
    }

    void transmit(byte[] request) throws IOException {
        channel.send(request);
    }

    void forget(TransactionId id) {
        pending.remove(id);
    }

    private void route(byte[] packet) {
        PacketKind kind = PacketKind.of(packet);
        observer.arrived(kind);
        switch (kind) {
            case STUN:
                stun(packet);
                break;
            case DTLS:
            case SRTP:
                MediaChannel.PacketReceiver receiver = downstream;
                if (receiver == null) {
                    dropped.incrementAndGet();
                } else {
                    receiver.packet(packet);
                }
                break;
            default:
                dropped.incrementAndGet();
                LOG.debug(
                        "event=packet-dropped remote={} reason=unknown-kind first_byte={}",
                        channel.remoteAddress(),
                        packet.length == 0 ? -1 : packet[0] & 0xFF);
        }
    }

    private void stun(byte[] packet) {
        StunMessage message;
        try {
            message = StunDecoder.decode(packet);
            if (message.method() != StunMethod.BINDING
                    || message.messageClass() == StunClass.REQUEST
                    || message.messageClass() == StunClass.INDICATION) {
                // The node is the server: we answer nothing (no ICE role), and ignore indications.
                ignore("not a Binding response", message.transactionId());
                return;
            }
            BindingTransaction transaction = pending.get(message.transactionId());
            if (transaction == null) {
                ignore("no such transaction (late or forged)", message.transactionId());
                return;
            }
            // An error response may lack MESSAGE-INTEGRITY (RFC 5389 section 10.1.2: 400 and 401 do).
            if (key != null
                    && message.messageClass() == StunClass.SUCCESS_RESPONSE
                    && !StunIntegrity.verify(packet, key)) {
                ignore("MESSAGE-INTEGRITY missing or wrong", message.transactionId());
                return;
            }
            pending.remove(message.transactionId());
            if (message.messageClass() == StunClass.ERROR_RESPONSE) {
                String error = message.attribute(ErrorCode.class)
                        .map(code -> code.code() + " " + code.reason())
                        .orElse("no ERROR-CODE");
                transaction.fail(new StunTransactionException(
                        "the media node " + node() + " refused the Binding request: " + error));
                return;
            }
            Duration rtt = Duration.ofNanos(nanoClock.getAsLong() - transaction.lastSentNanos());
            transaction.complete(new BindingResponse(
                    message.transactionId(),
                    rtt,
                    transaction.transmissions(),
                    message.attribute(XorMappedAddress.class).map(XorMappedAddress::address)));
        } catch (StunParseException e) {
            dropped.incrementAndGet();
            LOG.debug("event=stun-dropped remote={} reason=\"{}\"", channel.remoteAddress(), e.getMessage());
        }
    }

    private void ignore(String reason, TransactionId id) {
        dropped.incrementAndGet();
        LOG.debug("event=stun-ignored remote={} transaction={} reason=\"{}\"", channel.remoteAddress(), id, reason);
    }

    private void channelClosed(IOException cause) {
        StunTransactionException failure = new StunTransactionException(
                "the " + channel.transport().id() + " channel to " + node() + " closed"
                        + (cause == null ? "" : ": " + cause.getMessage()),
                cause);
        for (BindingTransaction transaction : pending.values()) {
            transaction.fail(failure);
        }
        pending.clear();
        closedListener.closed(cause);
    }
}
