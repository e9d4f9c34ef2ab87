package com.roomagent.emulator.meeting;

/**
 * The SSRCs (RFC 3550 section 8) a participant sends with in its meeting, fixed by the cloud at join
 * so that no two participants of one meeting collide and each can be told the other's as its remote
 * SSRCs (the agent's {@code SsrcPlan}).
 *
 * @param video the SSRC of the participant's video stream
 * @param audio the SSRC of the participant's audio stream
 */
public record ParticipantSsrcs(long video, long audio) {
    /** The first SSRC a meeting hands out; each joiner takes the next two. */
    static final long FIRST = 0x1000L;

    public ParticipantSsrcs {
        if (video == audio || video < 0 || audio < 0 || video > 0xFFFF_FFFFL || audio > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(
                    "SSRCs are distinct 32-bit unsigned values, got video " + video + " audio " + audio);
        }
    }
}
