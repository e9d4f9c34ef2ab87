package com.roomagent.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.roomagent.protocol.discovery.MediaNode;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.discovery.NodeKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MediaCandidateTest {

    @Test
    void rankedListsEachNodesTransportsInR12OrderSkippingMissingOnes() {
        MediaNode node = new MediaNode(
                "n1",
                NodeKind.values()[0],
                "eu",
                "2001:db8::1",
                Map.of(MediaTransport.UDP_LAST_RESORT, 33434, MediaTransport.TLS, 443, MediaTransport.UDP, 5004));
        List<MediaCandidate> ranked = MediaCandidate.ranked(List.of(node));
        assertEquals(
                List.of(MediaTransport.UDP, MediaTransport.TLS, MediaTransport.UDP_LAST_RESORT),
                ranked.stream().map(MediaCandidate::transport).toList());
        assertEquals("n1 udp [2001:db8::1]:5004", ranked.get(0).describe());
    }

    @Test
    void aPortOutOfRangeIsRefusedNamingTheNode() {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class, () -> new MediaCandidate("n9", "192.0.2.9", MediaTransport.TCP, 0));
        assertEquals("port must be 1-65535, got 0 for node n9", error.getMessage());
    }
}
