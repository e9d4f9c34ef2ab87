package com.roomagent.av.media;

/** The two media of a session, each an RTP session of its own in {@code rtpbin}. */
public enum MediaKind {
    /** H.264, RTP payload type {@value SessionPipeline#VIDEO_PAYLOAD_TYPE}, 90 kHz clock, rtpbin session 0. */
    VIDEO(0, 90_000),
    /** Opus, RTP payload type {@value SessionPipeline#AUDIO_PAYLOAD_TYPE}, 48 kHz clock, rtpbin session 1. */
    AUDIO(1, 48_000);

    private final int rtpSession;
    private final int clockRate;

    MediaKind(int rtpSession, int clockRate) {
        this.rtpSession = rtpSession;
        this.clockRate = clockRate;
    }

    /** The index of its session in {@code rtpbin}. */
    int rtpSession() {
        return rtpSession;
    }

    /** The RTP clock rate in Hz (RFC 6184 for H.264, RFC 7587 for Opus). */
    public int clockRate() {
        return clockRate;
    }
}
