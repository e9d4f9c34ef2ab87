package com.roomagent.transport.failover;

import com.roomagent.transport.MediaCandidate;
import com.roomagent.transport.keepalive.PathEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Chooses where media goes after its path is lost. Pure: a function of the ranked candidates, the
 * candidates already known to be dead in this flow, and the loss.
 *
 * <p>The rule: first the lost node's other transports, in R12 order (a node whose UDP stopped
 * answering often still answers over TCP or TLS: a firewall or NAT change, not a dead node), then
 * the other nodes in their ranked order, each with all its transports. The lost candidate and every
 * candidate in {@code dead} are left out. A lost path whose whole node is silent ({@link
 * PathEvent.Cause#CONSENT_EXPIRED} on a reliable transport, where a closed connection would have
 * told us otherwise) still tries the same node first: it costs one race stagger per transport at
 * most, since the race starts them in parallel.
 */
public final class FailoverPolicy {
    private FailoverPolicy() {}

    /**
     * @param ranked every candidate of the flow, most preferred first (see {@link
     *     MediaCandidate#ranked})
     * @param lostCandidate the candidate whose path was lost
     * @param dead candidates already lost or failed in this flow, not to be tried again
     * @param lost the keepalive's loss event
     */
    public static FailoverDecision decide(
            List<MediaCandidate> ranked,
            MediaCandidate lostCandidate,
            Set<MediaCandidate> dead,
            PathEvent.PathLost lost) {
        Objects.requireNonNull(ranked, "ranked");
        Objects.requireNonNull(lostCandidate, "lostCandidate");
        Objects.requireNonNull(dead, "dead");
        Objects.requireNonNull(lost, "lost");
        List<MediaCandidate> sameNode = new ArrayList<>();
        List<MediaCandidate> otherNodes = new ArrayList<>();
        for (MediaCandidate candidate : ranked) {
            if (candidate.equals(lostCandidate) || dead.contains(candidate)) {
                continue;
            }
            (candidate.nodeId().equals(lostCandidate.nodeId()) ? sameNode : otherNodes).add(candidate);
        }
        List<MediaCandidate> next = new ArrayList<>(sameNode);
        next.addAll(otherNodes);
        boolean switchesNode = sameNode.isEmpty() && !otherNodes.isEmpty();
        String reason;
        if (next.isEmpty()) {
            reason = lostCandidate.describe() + " lost (" + lost.cause() + ": " + lost.detail()
                    + "); no candidate left: media is unavailable until the node list changes";
        } else {
            reason = lostCandidate.describe() + " lost (" + lost.cause() + ": " + lost.detail() + "); racing "
                    + next.size() + " candidates from " + next.get(0).describe()
                    + (switchesNode ? " on another node" : " on the same node first");
        }
        return new FailoverDecision(lostCandidate, lost.cause(), next, switchesNode, lost.silentFor(), reason);
    }
}
