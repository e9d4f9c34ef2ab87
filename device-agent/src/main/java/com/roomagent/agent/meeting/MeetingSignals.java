package com.roomagent.agent.meeting;

import com.roomagent.protocol.signaling.SignalingMessage;

/** What the meeting sends the cloud; the signaling client delivers it, reliably, once registered. */
public interface MeetingSignals {
    void join(String meetingId);

    void leave(String meetingId);

    /** A failover's outcome; the sequence number is filled in by the signaling client. */
    void failover(SignalingMessage.MediaFailover failover);
}
