package com.roomagent.agent.signaling;

import com.roomagent.protocol.signaling.SignalingMessage;

/**
 * Told about registration: the status LED, the watchdog notifier. Called on the signaling thread,
 * in order; implementations must return quickly and must not call back into the client's
 * blocking methods.
 */
public interface SignalingListener {
    /** The state changed to {@code state}. */
    void stateChanged(SignalingState state);

    /** The cloud sent {@code event}, delivered exactly once per registration (duplicates are dropped). */
    default void eventReceived(SignalingMessage.Event event) {}
}
