package com.roomagent.transport.srtp;

/**
 * The rollover counter (ROC) and highest sequence number ({@code s_l}) of one SRTP stream, and the
 * packet index estimate of RFC 3711 section 3.3.1 and appendix A: a 16-bit sequence number is
 * placed in the ROC period (previous, current or next) that puts it nearest to {@code s_l}.
 *
 * <p>{@link #estimate} only looks; {@link #update} moves the state, and a receiver calls it only
 * once the packet authenticated (section 3.3.1: "after the authentication"). The first packet
 * sets {@code s_l} (the ROC starts at 0, as DTLS-SRTP keying requires). Not thread-safe.
 */
final class PacketIndexEstimator {
    /** The largest ROC: the index is 48 bits (RFC 3711 section 3.3.1). */
    static final long MAX_ROC = 0xFFFF_FFFFL;

    private static final int HALF = 1 << 15;

    private boolean started;
    private long roc;
    private int highestSequence;

    /** The 48-bit index for {@code sequence}, or -1 if it would fall before index 0 or past 2^48. */
    long estimate(int sequence) {
        if (!started) {
            return sequence;
        }
        long v;
        if (highestSequence < HALF) {
            v = sequence - highestSequence > HALF ? roc - 1 : roc;
        } else {
            v = highestSequence - HALF > sequence ? roc + 1 : roc;
        }
        if (v < 0 || v > MAX_ROC) {
            return -1;
        }
        return (v << 16) | sequence;
    }

    /** Records an authenticated (or, on the sender, protected) packet with this index. */
    void update(long index) {
        long v = index >>> 16;
        int sequence = (int) (index & 0xFFFF);
        if (!started) {
            started = true;
            roc = v;
            highestSequence = sequence;
        } else if (v > roc) {
            roc = v;
            highestSequence = sequence;
        } else if (v == roc && sequence > highestSequence) {
            highestSequence = sequence;
        }
    }

    /** The current rollover counter. */
    long rolloverCounter() {
        return roc;
    }
}
