package com.roomagent.av.bitrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bitrate rules, as numbers in and numbers out. Limits: 150..2500 kbit/s, 1500 over TCP/TLS. */
class BitratePolicyTest {
    private static final BitratePolicy POLICY = new BitratePolicy(BitratePolicy.Limits.HD_720P30);
    private static final BitratePolicy.Report CLEAN = new BitratePolicy.Report(0, Optional.of(Duration.ofMillis(40)));

    @Test
    void reliableTransportsHaveALowerCeilingThanUdp() {
        assertEquals(2500, POLICY.maximumKbps(TransportKind.UDP));
        assertEquals(1500, POLICY.maximumKbps(TransportKind.TCP));
        assertEquals(1500, POLICY.maximumKbps(TransportKind.TLS));
    }

    @Test
    void aSessionStartsAtTwoThirdsOfItsTransportsCeiling() {
        assertEquals(1666, POLICY.initialKbps(TransportKind.UDP));
        assertEquals(1000, POLICY.initialKbps(TransportKind.TLS));
    }

    @Test
    void aFailOverToTlsCutsTheTargetAtOnce() {
        assertEquals(1500, POLICY.onTransport(2400, TransportKind.TLS));
        assertEquals(1200, POLICY.onTransport(1200, TransportKind.TCP));
    }

    @Test
    void aCleanPathGrowsTheTargetByFivePercentUpToTheCeiling() {
        assertEquals(1050, POLICY.next(1000, TransportKind.UDP, CLEAN));
        assertEquals(2500, POLICY.next(2450, TransportKind.UDP, CLEAN));
    }

    @Test
    void heavyLossCutsTheTargetByHalfTheLossFraction() {
        BitratePolicy.Report thirtyPercent = new BitratePolicy.Report(0.3, Optional.empty());

        assertEquals(850, POLICY.next(1000, TransportKind.UDP, thirtyPercent));
    }

    @Test
    void moderateLossHoldsTheTarget() {
        assertEquals(1000, POLICY.next(1000, TransportKind.UDP, new BitratePolicy.Report(0.05, Optional.empty())));
    }

    @Test
    void theTargetNeverFallsBelowTheFloor() {
        assertEquals(150, POLICY.next(160, TransportKind.UDP, new BitratePolicy.Report(1.0, Optional.empty())));
    }

    @Test
    void aLongRoundTripOverTcpCountsAsCongestion() {
        BitratePolicy.Report slow = new BitratePolicy.Report(0, Optional.of(Duration.ofMillis(600)));

        assertEquals(850, POLICY.next(1000, TransportKind.TCP, slow));
        assertEquals(1050, POLICY.next(1000, TransportKind.UDP, slow), "over UDP only loss counts");
    }

    @Test
    void limitsOutOfOrderAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BitratePolicy.Limits(150, 1000, 1500));
        assertThrows(IllegalArgumentException.class, () -> new BitratePolicy.Limits(0, 1000, 500));
        assertThrows(IllegalArgumentException.class, () -> new BitratePolicy.Report(1.5, Optional.empty()));
    }
}
