package com.roomagent.protocol.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class MeetingMessagesTest {

    @Test
    void aJoinTravelsWithItsTypeSequenceAndMeeting() throws Exception {
        String wire = SignalingJson.write(new SignalingMessage.MeetingJoin(3, "board-room"));

        assertEquals("{\"type\":\"meeting.join\",\"seq\":3,\"meetingId\":\"board-room\"}", wire);
        assertEquals(new SignalingMessage.MeetingJoin(3, "board-room"), SignalingJson.read(wire));
    }

    @Test
    void aLeaveRoundTrips() throws Exception {
        SignalingMessage leave = new SignalingMessage.MeetingLeave(4, "m1");

        assertEquals(leave, SignalingJson.read(SignalingJson.write(leave)));
    }

    @Test
    void aFailoverWithoutATakeoverKeepsItsNullFields() throws Exception {
        SignalingMessage.MediaFailover failover = new SignalingMessage.MediaFailover(
                5, "m1", "cloud-1", "cloud-1 udp 127.0.0.1:5004", null, "MEDIA_STOPPED", null);

        SignalingMessage.MediaFailover read =
                (SignalingMessage.MediaFailover) SignalingJson.read(SignalingJson.write(failover));

        assertEquals(failover, read);
        assertNull(read.to());
    }

    @Test
    void aJoinWithoutAMeetingIsUnreadable() {
        assertThrows(JsonProcessingException.class, () -> SignalingJson.read("{\"type\":\"meeting.join\",\"seq\":1}"));
    }

    @Test
    void aNoticeTravelsAsAnEventBody() throws Exception {
        MeetingNotice notice = new MeetingNotice("m1", MeetingNotice.MEETING_FULL, "meeting m1 has two participants");
        JsonNode body = SignalingJson.mapper().valueToTree(notice);

        SignalingMessage.Event event = (SignalingMessage.Event)
                SignalingJson.read(SignalingJson.write(new SignalingMessage.Event(9, MeetingNotice.REFUSED, body)));

        assertEquals(notice, SignalingJson.mapper().treeToValue(event.body(), MeetingNotice.class));
    }

    @Test
    void meetingIdsAreShortAndPlain() {
        assertTrue(MeetingNotice.validMeetingId("demo-meeting_1.a"));
        assertFalse(MeetingNotice.validMeetingId(""));
        assertFalse(MeetingNotice.validMeetingId("a b"));
        assertFalse(MeetingNotice.validMeetingId("x".repeat(65)));
        assertFalse(MeetingNotice.validMeetingId(null));
    }
}
