package com.roomagent.transport.race;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a race ended: the winning path if any, and every candidate's record in preference order.
 *
 * @param elapsed from the race's start to its decision: the time to a STUN-proven path
 */
public record RaceResult(Optional<ConnectedPath> winner, List<AttemptRecord> attempts, Duration elapsed) {

    public RaceResult {
        attempts = List.copyOf(attempts);
    }

    /**
     * The winning path.
     *
     * @throws NoMediaPathException listing every candidate's failure, when none answered
     */
    public ConnectedPath winnerOrThrow() throws NoMediaPathException {
        return winner.orElseThrow(() -> new NoMediaPathException(attempts));
    }
}
