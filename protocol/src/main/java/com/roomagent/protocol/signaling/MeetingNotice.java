package com.roomagent.protocol.signaling;

import java.util.Objects;

/**
 * The body of the {@code meeting.waiting} and {@code meeting.refused} events: the cloud's answer to
 * a {@link SignalingMessage.MeetingJoin} when it cannot assign a media node yet, or will not.
 *
 * @param meetingId the meeting
 * @param code a stable identifier, one of the constants below
 * @param message what happened and what to do, for the installer or administrator
 */
public record MeetingNotice(String meetingId, String code, String message) {
    /** Event: the device is in the meeting, alone; media starts when another participant joins. */
    public static final String WAITING = "meeting.waiting";
    /** Event: the join was refused; the device is in no meeting. */
    public static final String REFUSED = "meeting.refused";

    /** Waiting: the device is the meeting's first participant. */
    public static final String FIRST_PARTICIPANT = "first-participant";
    /** Waiting: the other participant left; the device's media ended. */
    public static final String PARTICIPANT_LEFT = "participant-left";
    /** Refused: the device's latest discovery report reached no media node. */
    public static final String NO_REACHABLE_NODE = "no-reachable-node";
    /** Refused: no media node is reachable by both participants. */
    public static final String NO_COMMON_NODE = "no-common-node";
    /** Refused: the meeting has its two participants already. */
    public static final String MEETING_FULL = "meeting-full";
    /** Refused: the meeting id is not 1..64 letters, digits, '.', '_' or '-'. */
    public static final String BAD_MEETING_ID = "bad-meeting-id";

    public MeetingNotice {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** Whether {@code meetingId} is acceptable: 1..64 of letters, digits, '.', '_' and '-'. */
    public static boolean validMeetingId(String meetingId) {
        return meetingId != null && meetingId.matches("[A-Za-z0-9._-]{1,64}");
    }
}
