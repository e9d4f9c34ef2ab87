package com.roomagent.protocol.discovery;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of probing one node over one transport (R7, R8).
 *
 * @param nodeId the probed node's id
 * @param transport the transport probed
 * @param target the address and port probed, as {@code host:port}
 * @param reachable whether at least one STUN binding request got a valid success response
 * @param medianRttMillis the median round-trip time of the successful samples, in milliseconds;
 *     null when unreachable
 * @param rttSamplesMillis every successful sample's round-trip time, in milliseconds
 * @param samplesSent how many binding requests (transactions, not retransmissions) were sent
 * @param mappedAddress the reflexive address the node saw, as {@code host:port}; null when
 *     unreachable
 * @param failure why the node was unreachable; null when reachable
 * @param detail for people: why the pair failed, or for a reachable pair notes such as the
 *     connect and TLS handshake times and retransmissions; null when there is nothing to say
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PairResult(
        String nodeId,
        MediaTransport transport,
        String target,
        boolean reachable,
        Double medianRttMillis,
        List<Double> rttSamplesMillis,
        int samplesSent,
        String mappedAddress,
        ProbeFailure failure,
        String detail) {

    public PairResult {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(transport, "transport");
        rttSamplesMillis = List.copyOf(rttSamplesMillis);
        if (reachable && medianRttMillis == null) {
            throw new IllegalArgumentException("a reachable pair has a median RTT");
        }
        if (!reachable && failure == null) {
            throw new IllegalArgumentException("an unreachable pair has a failure reason");
        }
    }
}
