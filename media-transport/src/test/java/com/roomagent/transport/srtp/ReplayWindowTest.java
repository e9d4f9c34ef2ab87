package com.roomagent.transport.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.roomagent.transport.srtp.ReplayWindow.Verdict;
import org.junit.jupiter.api.Test;

/** The sliding replay window of RFC 3711 section 3.3.2, 128 packets wide. */
class ReplayWindowTest {
    private final ReplayWindow window = new ReplayWindow();

    @Test
    void everyIndexIsFreshBeforeTheFirstIsAccepted() {
        assertEquals(Verdict.FRESH, window.check(0));
        assertEquals(Verdict.FRESH, window.check(1L << 40));
    }

    @Test
    void anAcceptedIndexIsAReplayAndItsNeighboursAreNot() {
        window.accept(1000);
        window.accept(1002);

        assertEquals(Verdict.REPLAYED, window.check(1000));
        assertEquals(Verdict.REPLAYED, window.check(1002));
        assertEquals(Verdict.FRESH, window.check(1001));
        assertEquals(Verdict.FRESH, window.check(1003));
    }

    @Test
    void theWindowReaches127BehindTheNewestAndNoFurther() {
        window.accept(500);
        window.accept(500 - 127);

        assertEquals(Verdict.REPLAYED, window.check(500 - 127));
        assertEquals(Verdict.FRESH, window.check(500 - 126));
        assertEquals(Verdict.TOO_OLD, window.check(500 - 128));
    }

    @Test
    void movingAheadKeepsWhatWasSeenAcrossTheWordBoundary() {
        window.accept(10);
        window.accept(9);
        window.accept(10 + 70); // shifts by 70: index 10 now at bit 70, 9 at bit 71
        window.accept(10 + 70 + 30); // and 30 more: bits 100 and 101

        assertEquals(Verdict.REPLAYED, window.check(10));
        assertEquals(Verdict.REPLAYED, window.check(9));
        assertEquals(Verdict.FRESH, window.check(11));
        assertEquals(Verdict.REPLAYED, window.check(80));
    }

    @Test
    void aJumpBeyondTheWindowForgetsEverythingBehindIt() {
        window.accept(1);
        window.accept(1 + 200);

        assertEquals(Verdict.TOO_OLD, window.check(1));
        assertEquals(Verdict.FRESH, window.check(200));
        assertEquals(Verdict.REPLAYED, window.check(201));
    }
}
