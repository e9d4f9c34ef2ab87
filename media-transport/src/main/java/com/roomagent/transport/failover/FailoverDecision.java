package com.roomagent.transport.failover;

import com.roomagent.transport.MediaCandidate;
import com.roomagent.transport.keepalive.PathEvent;
import java.time.Duration;
import java.util.List;

/**
 * What to do after a path was lost.
 *
 * @param lost the candidate whose path was lost
 * @param cause why it was lost
 * @param next the candidates to race next, most preferred first: the lost node's other transports,
 *     then the other nodes'; empty when none is left, and media is unavailable
 * @param switchesNode whether {@code next} starts on another node (the cloud must be told, and the
 *     DTLS keys are new either way)
 * @param gapSoFar how long media has already been missing when the decision is taken: the part of
 *     the media gap spent noticing the loss
 * @param reason one line for the operator and the cloud
 */
public record FailoverDecision(
        MediaCandidate lost,
        PathEvent.Cause cause,
        List<MediaCandidate> next,
        boolean switchesNode,
        Duration gapSoFar,
        String reason) {

    public FailoverDecision {
        next = List.copyOf(next);
    }

    /** Whether there is nowhere left to go. */
    public boolean exhausted() {
        return next.isEmpty();
    }
}
