package com.roomagent.emulator.signaling;

import com.roomagent.protocol.signaling.SignalingMessage;

/**
 * Where the event channel hands a device's meeting messages (docs/signaling.md, "Meetings"). The
 * implementation answers with events through {@link Registrations#push}; the channel acknowledges
 * each message once this returns. Called on the channel's worker threads.
 */
public interface MeetingRequests {
    /** {@code deviceId} joins {@code join.meetingId()}. */
    void join(String deviceId, SignalingMessage.MeetingJoin join);

    /** {@code deviceId} leaves {@code leave.meetingId()}. */
    void leave(String deviceId, SignalingMessage.MeetingLeave leave);

    /** {@code deviceId}'s media path failed over. */
    void failover(String deviceId, SignalingMessage.MediaFailover failover);
}
