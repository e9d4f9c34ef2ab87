package com.roomagent.agent.diagnosis;

import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.discovery.NodeKind;
import java.util.Objects;

/**
 * The best media path the probe found: R12's transport order first, then the round trip.
 *
 * @param nodeId the media node
 * @param kind cloud node or the organization's Video Mesh node
 * @param transport how media would reach it
 * @param target the node's address and port for that transport
 * @param medianRttMillis the median STUN round trip, in milliseconds
 */
public record MediaPath(String nodeId, NodeKind kind, MediaTransport transport, String target, double medianRttMillis) {
    public MediaPath {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(transport, "transport");
    }
}
