package com.roomagent.transport.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.protocol.discovery.MediaNode;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.discovery.NodeKind;
import com.roomagent.transport.MediaCandidate;
import com.roomagent.transport.keepalive.PathEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FailoverPolicyTest {
    private static final MediaNode NODE_A = new MediaNode(
            "node-a",
            NodeKind.values()[0],
            "eu-west",
            "192.0.2.1",
            Map.of(MediaTransport.UDP, 5004, MediaTransport.TCP, 5004, MediaTransport.TLS, 443));
    private static final MediaNode NODE_B = new MediaNode(
            "node-b",
            NodeKind.values()[0],
            "eu-central",
            "192.0.2.2",
            Map.of(MediaTransport.UDP, 5004, MediaTransport.TLS, 443));
    private static final List<MediaCandidate> RANKED = MediaCandidate.ranked(List.of(NODE_A, NODE_B));
    private static final PathEvent.PathLost CONSENT =
            new PathEvent.PathLost(PathEvent.Cause.CONSENT_EXPIRED, Duration.ofSeconds(10), "no answer");

    private static MediaCandidate candidate(MediaNode node, MediaTransport transport) {
        return new MediaCandidate(
                node.id(), node.host(), transport, node.port(transport).orElseThrow());
    }

    @Test
    void afterLosingUdpTheSameNodesOtherTransportsComeFirstThenTheNextNode() {
        FailoverDecision decision =
                FailoverPolicy.decide(RANKED, candidate(NODE_A, MediaTransport.UDP), Set.of(), CONSENT);
        assertEquals(
                List.of(
                        candidate(NODE_A, MediaTransport.TCP),
                        candidate(NODE_A, MediaTransport.TLS),
                        candidate(NODE_B, MediaTransport.UDP),
                        candidate(NODE_B, MediaTransport.TLS)),
                decision.next());
        assertFalse(decision.switchesNode());
        assertEquals(PathEvent.Cause.CONSENT_EXPIRED, decision.cause());
        assertEquals(Duration.ofSeconds(10), decision.gapSoFar());
        assertTrue(decision.reason().contains("on the same node first"), decision.reason());
    }

    @Test
    void whenTheNodeHasNothingLeftTheNextNodeIsChosen() {
        FailoverDecision decision = FailoverPolicy.decide(
                RANKED,
                candidate(NODE_A, MediaTransport.TLS),
                Set.of(candidate(NODE_A, MediaTransport.UDP), candidate(NODE_A, MediaTransport.TCP)),
                CONSENT);
        assertEquals(
                List.of(candidate(NODE_B, MediaTransport.UDP), candidate(NODE_B, MediaTransport.TLS)), decision.next());
        assertTrue(decision.switchesNode());
    }

    @Test
    void whenEveryCandidateIsDeadMediaIsUnavailableAndTheReasonSaysSo() {
        MediaCandidate last = candidate(NODE_B, MediaTransport.TLS);
        Set<MediaCandidate> dead = Set.copyOf(RANKED.subList(0, RANKED.size() - 1));
        FailoverDecision decision = FailoverPolicy.decide(RANKED, last, dead, CONSENT);
        assertTrue(decision.exhausted());
        assertTrue(decision.reason().contains("media is unavailable"), decision.reason());
    }
}
