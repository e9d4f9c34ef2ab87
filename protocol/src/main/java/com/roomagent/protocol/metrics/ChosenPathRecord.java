package com.roomagent.protocol.metrics;

import com.roomagent.protocol.discovery.MediaTransport;
import java.time.Instant;
import java.util.Objects;

/**
 * The media path a session settled on (R11, R12): which node, over which transport, and why.
 *
 * @param at when the path was chosen
 * @param sessionId the media session
 * @param nodeId the media node
 * @param transport the winning transport
 * @param reason why, for example {@code preferred}, {@code fallback} or {@code failover}
 */
public record ChosenPathRecord(Instant at, String sessionId, String nodeId, MediaTransport transport, String reason)
        implements MetricRecord {
    public ChosenPathRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(reason, "reason");
    }
}
