package com.roomagent.agent.diagnosis;

import java.util.List;
import java.util.Optional;

/**
 * What {@code room-agent diagnose} tells the administrator.
 *
 * @param mediaAvailable whether any media node is reachable over any transport
 * @param bestPath the path media would take, when there is one
 * @param findings what the probe found, transport by transport
 * @param recommendations the changes that would give a better path, most useful first; empty when
 *     the network already has the recommended setup
 */
public record NetworkDiagnosis(
        boolean mediaAvailable,
        Optional<MediaPath> bestPath,
        List<Finding> findings,
        List<Recommendation> recommendations) {
    public NetworkDiagnosis {
        findings = List.copyOf(findings);
        recommendations = List.copyOf(recommendations);
    }
}
