package com.roomagent.transport.stun;

import com.roomagent.protocol.stun.TransactionId;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * A Binding success response matched to our request.
 *
 * @param transactionId the request's transaction ID
 * @param rtt from the last transmission of the request to the response; after a retransmission
 *     this may pair an answer with the wrong copy (Karn), which {@code transmissions} shows
 * @param transmissions how many times the request was sent
 * @param mappedAddress the XOR-MAPPED-ADDRESS: our address as the node saw it, when present
 */
public record BindingResponse(
        TransactionId transactionId, Duration rtt, int transmissions, Optional<InetSocketAddress> mappedAddress) {}
