package com.roomagent.emulator.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.protocol.discovery.DiscoveryReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DiscoveryReportStoreTest {
    @Test
    void keepsTheNewestReportsFirstUpToTheHistoryLimit() {
        DiscoveryReportStore store = new DiscoveryReportStore(2);

        store.add(report("room", 1));
        store.add(report("room", 2));
        store.add(report("room", 3));

        assertEquals(3, store.latest("room").orElseThrow().durationMillis());
        assertEquals(
                List.of(3L, 2L),
                store.history("room").stream()
                        .map(DiscoveryReport::durationMillis)
                        .toList());
        assertEquals(3, store.receivedCount("room"));
    }

    @Test
    void devicesAreKeptApart() {
        DiscoveryReportStore store = new DiscoveryReportStore(5);

        store.add(report("b", 1));
        store.add(report("a", 2));

        assertEquals(Set.of("a", "b"), store.deviceIds());
        assertEquals(1, store.latest("b").orElseThrow().durationMillis());
        assertTrue(store.latest("c").isEmpty());
        assertTrue(store.history("c").isEmpty());
    }

    @Test
    void awaitReturnsAReportAddedByAnotherThread() throws Exception {
        DiscoveryReportStore store = new DiscoveryReportStore(1);
        Thread reporter = new Thread(() -> store.add(report("room", 7)), "test-reporter");

        reporter.start();
        DiscoveryReport awaited =
                store.awaitLatest("room", Duration.ofSeconds(10)).orElseThrow();
        reporter.join(10_000);

        assertEquals(7, awaited.durationMillis());
    }

    @Test
    void awaitGivesUpAfterItsTimeout() throws Exception {
        DiscoveryReportStore store = new DiscoveryReportStore(1);

        assertTrue(store.awaitReceived("room", 1, Duration.ofMillis(50)).isEmpty());
    }

    private static DiscoveryReport report(String deviceId, long durationMillis) {
        return new DiscoveryReport(deviceId, Instant.EPOCH, durationMillis, "manual", List.of());
    }
}
