package com.roomagent.emulator.meeting;

import com.roomagent.protocol.discovery.MediaNode;
import java.util.List;
import java.util.Objects;

/**
 * The node a joining device is given and how to reach it (R10).
 *
 * @param node the chosen node
 * @param reason why this node: {@code shared-video-mesh}, {@code shared-cloud} or {@code
 *     device-best}
 * @param candidates the device's reachable transports to the node, in R12 preference order (UDP,
 *     TCP, TLS, UDP last resort)
 */
public record NodeAssignment(MediaNode node, String reason, List<Candidate> candidates) {
    public NodeAssignment {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(reason, "reason");
        candidates = List.copyOf(candidates);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("an assignment has at least one candidate");
        }
    }
}
