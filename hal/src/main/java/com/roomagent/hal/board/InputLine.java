package com.roomagent.hal.board;

/**
 * A GPIO input seen through its profile: {@code active} means pressed (a button) or closed (a
 * shutter), whatever the electrical level. Edges arrive raw, bounce included; debouncing is the
 * caller's job (see {@code com.roomagent.hal.input}).
 */
public interface InputLine {
    /** Whether the line is at its active level now. */
    boolean isActive() throws HardwareException;

    /**
     * Sets the one listener of this line, replacing any other. It is called on the driver's thread
     * (Pi4J's event thread on a real board, the caller of an emulated control on the emulated one),
     * once per edge, so it must hand the edge off and return at once.
     */
    void setListener(Listener listener);

    /** The line's number, for status output. */
    int line();

    /** Receives the edges of an input line. */
    @FunctionalInterface
    interface Listener {
        void edge(boolean active);
    }
}
