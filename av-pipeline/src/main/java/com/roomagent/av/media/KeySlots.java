package com.roomagent.av.media;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Which of the two receive key slots of a medium take incoming packets. Pure: fed with instants.
 *
 * <p>Why two: after a re-key the far end switches to the new keys when <em>it</em> gets them,
 * which is not when we do, and packets already on the way still carry the old ones. {@code
 * srtpdec} holds one key per SSRC, so each slot is an {@code appsrc ! srtpdec} of its own and an
 * incoming packet goes into both active slots; SRTP authentication (RFC 3711 section 3.3, step 5)
 * lets through exactly the copy whose keys match and drops the other. The previous slot stays
 * active for a retention time after the re-key, then only the current one gets packets.
 *
 * <p>Threads: {@link #activate} is called by one thread at a time (the session's re-key); {@link
 * #current()} and {@link #previous} from any thread, without locking (one volatile read).
 */
final class KeySlots {
    private record State(int current, int previous, Instant previousUntil) {}

    private final Duration retention;
    private volatile State state = new State(0, -1, Instant.MIN);

    KeySlots(Duration retention) {
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    /** The slot that takes the current keys. */
    int current() {
        return state.current();
    }

    /** The slot that still takes the previous keys at {@code now}, or -1. */
    int previous(Instant now) {
        State snapshot = state;
        return snapshot.previous() >= 0 && now.isBefore(snapshot.previousUntil()) ? snapshot.previous() : -1;
    }

    /** The slot to load with new keys: the one that is not current. */
    int idle() {
        return 1 - state.current();
    }

    /** Makes {@code slot}, just loaded with new keys, current; the old current is previous until {@code now + retention}. */
    void activate(int slot, Instant now) {
        State snapshot = state;
        if (slot == snapshot.current()) {
            throw new IllegalArgumentException("slot " + slot + " is already current");
        }
        state = new State(slot, snapshot.current(), now.plus(retention));
    }
}
