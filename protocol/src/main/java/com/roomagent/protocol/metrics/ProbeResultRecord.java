package com.roomagent.protocol.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.roomagent.protocol.discovery.MediaTransport;
import java.time.Instant;
import java.util.Objects;

/**
 * One node and transport of a discovery run (R7, R8): reachable or not, and how fast.
 *
 * @param at when the discovery run began
 * @param trigger why it ran ({@code boot}, {@code expiry}, {@code network-change}, {@code manual})
 * @param nodeId the probed node
 * @param transport the transport probed
 * @param reachable whether a STUN binding request was answered
 * @param medianRttMillis the median round-trip time; null when unreachable
 * @param failure why it was unreachable ({@code ProbeFailure}'s name); null when reachable
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProbeResultRecord(
        Instant at,
        String trigger,
        String nodeId,
        MediaTransport transport,
        boolean reachable,
        Double medianRttMillis,
        String failure)
        implements MetricRecord {
    public ProbeResultRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(transport, "transport");
    }
}
