package com.roomagent.hal.input;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Leading-edge debouncing of a two-state contact, fed with raw edges and their times.
 *
 * <p>An edge that changes the state is accepted at once (so a button acts on the first touch, not
 * after a settling delay) and opens a window during which further edges are bounce and ignored.
 * When the window closes and the last raw level seen differs from the accepted state, {@link
 * #settle} accepts it: a press released within the window, or a bounce that ended on the other
 * level, is not lost. So a press shorter than the window, or one that bounces within it, counts
 * exactly once, and the state never stays wrong.
 *
 * <p>Pure and not thread-safe: one owner feeds it.
 */
public final class Debouncer {
    private final Duration window;
    private boolean accepted;
    private boolean lastRaw;
    private Instant windowEnd = Instant.MIN;

    /**
     * @param window how long after an accepted edge other edges are bounce
     * @param initial the contact's state at start
     */
    public Debouncer(Duration window, boolean initial) {
        this.window = window;
        this.accepted = initial;
        this.lastRaw = initial;
    }

    /** The accepted state. */
    public boolean state() {
        return accepted;
    }

    /**
     * A raw edge.
     *
     * @return the new accepted state when this edge changes it
     */
    public Optional<Boolean> edge(boolean active, Instant at) {
        lastRaw = active;
        if (at.isBefore(windowEnd) || active == accepted) {
            return Optional.empty();
        }
        return accept(active, at);
    }

    /**
     * When {@link #settle} must run: the end of the current window, if an edge inside it left the
     * raw level different from the accepted state.
     */
    public Optional<Instant> settleAt() {
        return lastRaw != accepted ? Optional.of(windowEnd) : Optional.empty();
    }

    /**
     * Accepts the last raw level once the window is over.
     *
     * @return the new accepted state when it changes
     */
    public Optional<Boolean> settle(Instant at) {
        if (at.isBefore(windowEnd) || lastRaw == accepted) {
            return Optional.empty();
        }
        return accept(lastRaw, at);
    }

    private Optional<Boolean> accept(boolean active, Instant at) {
        accepted = active;
        windowEnd = at.plus(window);
        return Optional.of(active);
    }
}
