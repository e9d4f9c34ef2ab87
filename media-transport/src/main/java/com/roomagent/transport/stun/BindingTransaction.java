package com.roomagent.transport.stun;

import com.roomagent.protocol.stun.TransactionId;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * One outstanding Binding request on a {@link StunSession}. The caller decides when to retransmit
 * ({@link #send()} again resends the same bytes, same transaction ID, as RFC 5389 section 7.2.1
 * requires) and when to give up ({@link #abandon()}).
 */
public final class BindingTransaction {
    private final StunSession session;
    private final TransactionId id;
    private final byte[] request;
    private final CompletableFuture<BindingResponse> response = new CompletableFuture<>();
    private volatile long lastSentNanos;
    private volatile int transmissions;

    BindingTransaction(StunSession session, TransactionId id, byte[] request) {
        this.session = session;
        this.id = id;
        this.request = request;
    }

    public TransactionId id() {
        return id;
    }

    /** Sends (or resends) the request on the channel. */
    public void send() throws IOException {
        lastSentNanos = session.nanoTime();
        transmissions++;
        session.transmit(request);
    }

    /**
     * Completes with the matched success response, or exceptionally with a {@link
     * StunTransactionException} (error response, channel closed). Completed on the channel's
     * reader thread: callers hand work elsewhere rather than block it.
     */
    public CompletableFuture<BindingResponse> response() {
        return response;
    }

    /** Stops waiting: a late response is then dropped. */
    public void abandon() {
        session.forget(id);
        response.completeExceptionally(
                new StunTransactionException("transaction " + id + " abandoned: no longer waited for"));
    }

    long lastSentNanos() {
        return lastSentNanos;
    }

    int transmissions() {
        return transmissions;
    }

    void complete(BindingResponse answer) {
        response.complete(answer);
    }

    void fail(StunTransactionException cause) {
        response.completeExceptionally(cause);
    }
}
