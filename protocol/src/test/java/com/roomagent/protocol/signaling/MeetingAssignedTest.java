package com.roomagent.protocol.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.roomagent.protocol.discovery.MediaTransport;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeetingAssignedTest {
    private static final MeetingAssigned ASSIGNED = new MeetingAssigned(
            "m1",
            "mesh-1",
            "sha-256 AB:CD",
            "u-7f3a",
            "p-secret",
            List.of(
                    new MeetingAssigned.Candidate(MediaTransport.UDP, "10.0.0.5", 5004),
                    new MeetingAssigned.Candidate(MediaTransport.TLS, "10.0.0.5", 443)),
            new MeetingAssigned.Ssrcs(4096, 4097, 4098, 4099));

    @Test
    void anAssignmentTravelsAsTheBodyOfAMeetingAssignedEvent() throws Exception {
        JsonNode body = SignalingJson.mapper().valueToTree(ASSIGNED);
        String wire = SignalingJson.write(new SignalingMessage.Event(4, MeetingAssigned.EVENT, body));

        SignalingMessage.Event event = (SignalingMessage.Event) SignalingJson.read(wire);

        assertEquals("meeting.assigned", event.event());
        assertEquals(ASSIGNED, SignalingJson.mapper().treeToValue(event.body(), MeetingAssigned.class));
        assertTrue(wire.contains("\"transport\":\"udp\""), wire);
    }

    @Test
    void thePasswordStaysOutOfLogLines() {
        assertFalse(ASSIGNED.toString().contains("p-secret"), ASSIGNED.toString());
    }

    @Test
    void anAssignmentWithoutCandidatesIsRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new MeetingAssigned(
                        "m1", "n", "sha-256 AB", "u", "p", List.of(), new MeetingAssigned.Ssrcs(1, 2, 3, 4)));
    }
}
