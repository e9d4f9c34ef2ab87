package com.roomagent.av.media;

import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The four RTP SSRCs of a two-party session, fixed by signaling before the media starts: the
 * sender puts its SSRC in every RTP and RTCP packet (RFC 3550 section 8), the receiver routes
 * packets and finds their keys by it ({@code srtpdec} keeps one crypto context per SSRC, RFC 3711
 * section 3.2.3). Values are unsigned 32-bit, held in a {@code long}.
 */
public record SsrcPlan(long localVideo, long localAudio, long remoteVideo, long remoteAudio) {
    private static final long MAX = 0xFFFF_FFFFL;

    public SsrcPlan {
        for (long ssrc : new long[] {localVideo, localAudio, remoteVideo, remoteAudio}) {
            if (ssrc < 1 || ssrc > MAX) {
                throw new IllegalArgumentException("an SSRC is 1..2^32-1 here, got " + ssrc);
            }
        }
        if (Set.of(localVideo, localAudio, remoteVideo, remoteAudio).size() != 4) {
            throw new IllegalArgumentException("the four SSRCs must differ (RFC 3550 section 8.2 collisions)");
        }
    }

    /** Four distinct random SSRCs (RFC 3550 section 8: chosen at random). */
    public static SsrcPlan random(RandomGenerator random) {
        long[] chosen = random.longs(1, MAX + 1).distinct().limit(4).toArray();
        return new SsrcPlan(chosen[0], chosen[1], chosen[2], chosen[3]);
    }

    /** The same plan as the other party sees it. */
    public SsrcPlan reversed() {
        return new SsrcPlan(remoteVideo, remoteAudio, localVideo, localAudio);
    }

    /** Our sending SSRC for {@code kind}. */
    public long local(MediaKind kind) {
        return kind == MediaKind.VIDEO ? localVideo : localAudio;
    }

    /** The far end's sending SSRC for {@code kind}. */
    public long remote(MediaKind kind) {
        return kind == MediaKind.VIDEO ? remoteVideo : remoteAudio;
    }
}
