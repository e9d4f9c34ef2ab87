package com.roomagent.hal.board;

/** A GPIO output seen through its profile: {@code active} means on (camera power on). */
public interface OutputLine {
    void setActive(boolean active) throws HardwareException;

    /** The state last set. */
    boolean isActive() throws HardwareException;

    /** The line's number, for status output. */
    int line();
}
