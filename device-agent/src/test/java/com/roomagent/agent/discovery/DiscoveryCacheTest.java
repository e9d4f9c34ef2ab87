package com.roomagent.agent.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.protocol.discovery.DiscoveryReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DiscoveryCacheTest {
    private static final Instant START = Instant.parse("2026-11-25T08:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final DiscoveryCache cache = new DiscoveryCache(clock);

    @Test
    void anEmptyCacheIsStale() {
        assertTrue(cache.isStale());
        assertEquals(Optional.empty(), cache.current());
        assertEquals(Optional.empty(), cache.expiresAt());
    }

    @Test
    void aReportIsCurrentForTwoHoursAndThenExpires() {
        DiscoveryReport report = report("boot");
        cache.put(report);

        clock.advance(Duration.ofHours(2).minusMillis(1));
        assertEquals(Optional.of(report), cache.current());
        assertFalse(cache.isStale());

        clock.advance(Duration.ofMillis(1));
        assertEquals(Optional.empty(), cache.current());
        assertTrue(cache.isStale());
        assertEquals(Optional.of(report), cache.latest(), "the expired report is still shown by status displays");
    }

    @Test
    void aNewReportRestartsTheExpiry() {
        cache.put(report("boot"));
        clock.advance(Duration.ofMinutes(90));
        DiscoveryReport second = report("network-change");
        cache.put(second);

        clock.advance(Duration.ofMinutes(60));

        assertEquals(Optional.of(second), cache.current());
        assertEquals(Optional.of(START.plus(Duration.ofMinutes(90 + 120))), cache.expiresAt());
    }

    @Test
    void theTtlIsConfigurable() {
        DiscoveryCache shortLived = new DiscoveryCache(clock, Duration.ofSeconds(30));
        shortLived.put(report("manual"));

        clock.advance(Duration.ofSeconds(30));

        assertTrue(shortLived.isStale());
    }

    @Test
    void aNonPositiveTtlIsRefused() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> new DiscoveryCache(clock, Duration.ZERO));
        assertEquals("resultTtl must be positive, was PT0S", error.getMessage());
    }

    private DiscoveryReport report(String trigger) {
        return new DiscoveryReport("device-1", clock.instant(), 10, trigger, List.of());
    }
}
