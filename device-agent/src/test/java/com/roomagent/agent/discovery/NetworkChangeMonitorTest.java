package com.roomagent.agent.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkChangeMonitorTest {
    private static final Duration POLL = Duration.ofSeconds(5);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));
    private final FakeScheduler scheduler = new FakeScheduler(clock);
    private final FakeNetworkStateSource network =
            new FakeNetworkStateSource(FakeNetworkStateSource.fingerprint("192.168.1.20", "192.168.1.1"));
    private final List<NetworkFingerprint> changes = new ArrayList<>();
    private final NetworkChangeMonitor monitor =
            new NetworkChangeMonitor(network, POLL, (before, after) -> changes.add(after));

    @Test
    void theFirstReadingIsABaselineNotAChange() {
        monitor.start(scheduler);
        scheduler.runDueTasks();

        assertEquals(1, network.reads());
        assertEquals(List.of(), changes);
    }

    @Test
    void aChangedFingerprintFiresOnceAtTheNextPoll() {
        monitor.start(scheduler);
        scheduler.runDueTasks();
        NetworkFingerprint moved = FakeNetworkStateSource.fingerprint("10.0.0.7", "10.0.0.1");
        network.set(moved);

        scheduler.advanceBy(POLL.minusMillis(1));
        assertEquals(List.of(), changes, "not before the poll");

        scheduler.advanceBy(Duration.ofMillis(1));
        assertEquals(List.of(moved), changes);

        scheduler.advanceBy(POLL.multipliedBy(3));
        assertEquals(List.of(moved), changes, "an unchanged network fires nothing");
    }

    @Test
    void anUnreadableNetworkKeepsThePreviousBaseline() {
        monitor.start(scheduler);
        scheduler.runDueTasks();
        network.failReads(true);
        scheduler.advanceBy(POLL);
        network.failReads(false);

        scheduler.advanceBy(POLL);

        assertEquals(List.of(), changes, "a failed read is neither a change nor a new baseline");
    }

    @Test
    void closeStopsPolling() {
        monitor.start(scheduler);
        scheduler.runDueTasks();
        monitor.close();
        network.set(FakeNetworkStateSource.fingerprint("10.0.0.7", "10.0.0.1"));

        scheduler.advanceBy(POLL.multipliedBy(2));

        assertEquals(1, network.reads());
        assertEquals(List.of(), changes);
        assertEquals(0, scheduler.pendingTasks());
    }

    @Test
    void aMonitorStartsOnlyOnce() {
        monitor.start(scheduler);

        assertThrows(IllegalStateException.class, () -> monitor.start(scheduler));
    }

    @Test
    void theRealSourceReadsThisMachinesNetwork() throws Exception {
        NetworkFingerprint here = new RealNetworkStateSource().read();

        assertEquals(here, new RealNetworkStateSource().read(), "two readings of a quiet machine agree");
    }
}
