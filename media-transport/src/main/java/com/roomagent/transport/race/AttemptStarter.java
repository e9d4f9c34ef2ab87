package com.roomagent.transport.race;

import com.roomagent.transport.MediaCandidate;

/**
 * Starts one attempt of the race: open a channel to the candidate and complete a STUN exchange on
 * it. The seam between the race's timing and the sockets; tests inject fakes.
 */
@FunctionalInterface
public interface AttemptStarter {

    /**
     * Starts the attempt without blocking and returns at once. The listener hears exactly once,
     * from any thread; after {@link Attempt#cancel()} it may still hear (a success that crossed the
     * cancel), and the race then closes the path.
     */
    Attempt start(MediaCandidate candidate, Listener listener);

    /** A running attempt. */
    @FunctionalInterface
    interface Attempt {
        /** Stops the attempt and closes whatever it opened; idempotent. */
        void cancel();
    }

    /** Hears how an attempt ended. */
    interface Listener {
        /** The node answered STUN on the channel; the race now owns {@code path}. */
        void succeeded(ConnectedPath path);

        /** The attempt failed; {@code reason} says where and why, for the operator. */
        void failed(String reason);
    }
}
