package com.roomagent.agent.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.discovery.PairResult;
import com.roomagent.protocol.discovery.ProbeFailure;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairSamplesTest {
    private static final ProbeTarget TARGET = new ProbeTarget("node-a", MediaTransport.UDP, "127.0.1.1", 5004);

    @Test
    void theMedianIsTheMiddleSampleOrTheMeanOfTheTwoMiddleOnes() {
        assertEquals(2.0, PairSamples.median(List.of(3.0, 1.0, 2.0)));
        assertEquals(2.5, PairSamples.median(List.of(4.0, 1.0, 3.0, 2.0)));
        assertEquals(7.0, PairSamples.median(List.of(7.0)));
    }

    @Test
    void aFullyAnsweredPairIsReachableWithItsMedianAndMappedAddress() {
        PairSamples samples = new PairSamples(TARGET);
        for (long rtt : new long[] {3_000_000, 1_000_000, 2_000_000}) {
            samples.transactionStarted();
            samples.answered(rtt, "127.0.0.1:40000", false);
        }

        PairResult result = samples.complete();

        assertTrue(result.reachable());
        assertEquals(2.0, result.medianRttMillis());
        assertEquals(List.of(3.0, 1.0, 2.0), result.rttSamplesMillis());
        assertEquals(3, result.samplesSent());
        assertEquals("127.0.0.1:40000", result.mappedAddress());
        assertEquals("127.0.1.1:5004", result.target());
        assertNull(result.detail());
    }

    @Test
    void aPairWithNoAnswerIsUnreachableWithTheFailure() {
        PairSamples samples = new PairSamples(TARGET);
        samples.transactionStarted();

        PairResult result = samples.failed(ProbeFailure.TIMEOUT, "no answer");

        assertFalse(result.reachable());
        assertEquals(ProbeFailure.TIMEOUT, result.failure());
        assertEquals("no answer", result.detail());
        assertEquals(1, result.samplesSent());
    }

    @Test
    void aLaterFailureKeepsThePairReachableAndSaysWhatHappened() {
        PairSamples samples = new PairSamples(TARGET);
        samples.transactionStarted();
        samples.answered(1_500_000, "127.0.0.1:40000", true);
        samples.transactionStarted();

        PairResult result = samples.failed(ProbeFailure.TIMEOUT, "no answer");

        assertTrue(result.reachable());
        assertNull(result.failure());
        assertEquals(
                "1 of 1 answers came after a retransmission (RTT counted from the first transmission);"
                        + " 1 of 2 samples answered; then timeout: no answer",
                result.detail());
    }

    @Test
    void rttsAreMillisecondsWithMicrosecondPrecision() {
        assertEquals(1.235, PairSamples.nanosToMillis(1_234_567));
    }
}
