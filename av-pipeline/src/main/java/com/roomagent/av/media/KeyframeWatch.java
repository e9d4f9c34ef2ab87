package com.roomagent.av.media;

/**
 * Decides when the receiver asks the far end for a keyframe: when video packets keep arriving but
 * no picture was decoded since the last look. That is a receiver that joined after the sender's
 * last keyframe ({@code h264parse} drops pictures until it has seen the parameter sets, so the
 * decoder never gets to ask), or a decoder that lost its references. Pure: fed with counters.
 *
 * <p>Threads: one caller, the session's thread, at its tick interval, which also limits how often
 * a request goes out (RFC 4585 section 3.5.2 wants feedback rate-limited).
 */
final class KeyframeWatch {
    private long packetsSeen;
    private long framesSeen;

    /** Whether to ask now, given the totals so far. */
    boolean stalled(long packetsReceived, long framesDecoded) {
        boolean packetsArrived = packetsReceived > packetsSeen;
        boolean nothingDecoded = framesDecoded == framesSeen;
        packetsSeen = packetsReceived;
        framesSeen = framesDecoded;
        return packetsArrived && nothingDecoded;
    }
}
