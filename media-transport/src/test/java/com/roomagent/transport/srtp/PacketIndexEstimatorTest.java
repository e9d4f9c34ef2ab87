package com.roomagent.transport.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The packet index estimate of RFC 3711 section 3.3.1 and appendix A. */
class PacketIndexEstimatorTest {
    private final PacketIndexEstimator estimator = new PacketIndexEstimator();

    @Test
    void theFirstPacketStartsTheStreamInPeriodZero() {
        assertEquals(40000, estimator.estimate(40000));
        estimator.update(40000);
        assertEquals(0, estimator.rolloverCounter());
    }

    @Test
    void aSequenceNumberJustAfterTheWrapBelongsToTheNextPeriod() {
        estimator.update(65535);

        assertEquals(65536 + 2, estimator.estimate(2));
        estimator.update(65536 + 2);
        assertEquals(1, estimator.rolloverCounter());
    }

    @Test
    void aLatePacketFromBeforeTheWrapBelongsToThePreviousPeriod() {
        estimator.update(65530);
        estimator.update(65536 + 3);

        assertEquals(65534, estimator.estimate(65534));
        estimator.update(65534);
        assertEquals(1, estimator.rolloverCounter(), "a late packet never moves the counter back");
        assertEquals(65536 + 4, estimator.estimate(4));
    }

    @Test
    void aLatePacketBeforeTheFirstPeriodHasNoIndex() {
        estimator.update(5);

        assertEquals(-1, estimator.estimate(65000));
    }

    @Test
    void theEstimateTakesTheNearestPeriodInTheMiddleOfARange() {
        estimator.update(30000);

        assertEquals(62000, estimator.estimate(62000));
        estimator.update(62000);
        assertEquals(65536 + 100, estimator.estimate(100));
        assertEquals(40000, estimator.estimate(40000));
    }
}
