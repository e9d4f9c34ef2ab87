package com.roomagent.transport.srtp;

/**
 * The replay list of RFC 3711 section 3.3.2 as a sliding window of {@value #SIZE} packet indices
 * below the highest one accepted (libsrtp's default size; the RFC asks for at least 64). An index
 * above the highest is new; one inside the window is new unless its bit is set; one below the
 * window is too old to tell from a replay and is refused.
 *
 * <p>{@link #check} only looks; {@link #accept} records, and is called only after the packet
 * authenticated, so forged packets cannot move the window. Not thread-safe: owned by its context.
 */
final class ReplayWindow {
    static final int SIZE = 128;

    enum Verdict {
        FRESH,
        REPLAYED,
        TOO_OLD
    }

    private long highest = -1;
    // Bit k of the 128-bit word (high:low) says whether index highest - k was accepted.
    private long low;
    private long high;

    Verdict check(long index) {
        if (highest < 0 || index > highest) {
            return Verdict.FRESH;
        }
        long delta = highest - index;
        if (delta >= SIZE) {
            return Verdict.TOO_OLD;
        }
        return isSet((int) delta) ? Verdict.REPLAYED : Verdict.FRESH;
    }

    void accept(long index) {
        if (highest < 0) {
            highest = index;
            low = 1;
            high = 0;
            return;
        }
        if (index > highest) {
            shift(index - highest);
            highest = index;
            low |= 1;
            return;
        }
        long delta = highest - index;
        if (delta < 64) {
            low |= 1L << delta;
        } else if (delta < SIZE) {
            high |= 1L << (delta - 64);
        }
    }

    /** The highest index accepted so far, or -1 before the first. */
    long highest() {
        return highest;
    }

    private boolean isSet(int delta) {
        return delta < 64 ? (low & (1L << delta)) != 0 : (high & (1L << (delta - 64))) != 0;
    }

    private void shift(long distance) {
        if (distance >= SIZE) {
            low = 0;
            high = 0;
        } else if (distance >= 64) {
            high = low << (distance - 64);
            low = 0;
        } else {
            int d = (int) distance;
            high = (high << d) | (low >>> (64 - d));
            low = low << d;
        }
    }
}
