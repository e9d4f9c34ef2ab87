package com.roomagent.emulator.meeting;

/**
 * The joining device's latest discovery report reached no node of the node list, or there is no
 * report at all; the device should run discovery again (R7) and rejoin.
 */
public final class NoReachableNodeException extends Exception {
    private static final long serialVersionUID = 1L;

    public NoReachableNodeException(String message) {
        super(message);
    }
}
