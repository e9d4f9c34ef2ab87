package com.roomagent.hal.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DebouncerTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final Debouncer debouncer = new Debouncer(Duration.ofMillis(30), false);

    @Test
    void firstEdgeIsAcceptedAtOnce() {
        assertEquals(Optional.of(true), debouncer.edge(true, T0));
        assertTrue(debouncer.state());
    }

    @Test
    void bounceWithinTheWindowIsIgnored() {
        debouncer.edge(true, T0);

        assertEquals(Optional.empty(), debouncer.edge(false, at(2)));
        assertEquals(Optional.empty(), debouncer.edge(true, at(5)));
        assertEquals(Optional.empty(), debouncer.edge(false, at(9)));
        assertEquals(Optional.empty(), debouncer.edge(true, at(12)));
        assertTrue(debouncer.state());
        assertEquals(Optional.empty(), debouncer.settleAt(), "bounce ended on the accepted level");
    }

    @Test
    void pressShorterThanTheWindowCountsOnceAndItsReleaseSettlesAfterIt() {
        assertEquals(Optional.of(true), debouncer.edge(true, T0));
        assertEquals(Optional.empty(), debouncer.edge(false, at(10)));

        assertEquals(Optional.of(at(30)), debouncer.settleAt());
        assertEquals(Optional.empty(), debouncer.settle(at(29)));
        assertEquals(Optional.of(false), debouncer.settle(at(30)));
        assertFalse(debouncer.state());
    }

    @Test
    void nextPressAfterAShortOneCountsAgain() {
        debouncer.edge(true, T0);
        debouncer.edge(false, at(10));
        debouncer.settle(at(30));

        assertEquals(Optional.of(true), debouncer.edge(true, at(500)));
    }

    @Test
    void edgeAfterTheWindowIsAccepted() {
        debouncer.edge(true, T0);

        assertEquals(Optional.of(false), debouncer.edge(false, at(30)));
    }

    @Test
    void releaseBounceIsIgnoredToo() {
        debouncer.edge(true, T0);
        assertEquals(Optional.of(false), debouncer.edge(false, at(400)));

        assertEquals(Optional.empty(), debouncer.edge(true, at(402)));
        assertEquals(Optional.empty(), debouncer.edge(false, at(404)));
        assertEquals(Optional.empty(), debouncer.settleAt());
        assertFalse(debouncer.state());
    }

    @Test
    void zeroWindowAcceptsEveryEdge() {
        Debouncer immediate = new Debouncer(Duration.ZERO, false);

        assertEquals(Optional.of(true), immediate.edge(true, T0));
        assertEquals(Optional.of(false), immediate.edge(false, T0));
    }

    private static Instant at(long millis) {
        return T0.plusMillis(millis);
    }
}
