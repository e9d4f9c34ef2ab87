package com.roomagent.agent.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.agent.discovery.CloudRequestException.Step;
import com.roomagent.emulator.CloudEmulator;
import com.roomagent.protocol.discovery.DiscoveryReport;
import com.roomagent.protocol.discovery.PairResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service against the emulator, with its schedule on virtual time: scheduled probes run on the
 * test thread when the fake scheduler reaches them, so no test waits for expiry or polling.
 */
@Timeout(60)
class DiscoveryServiceTest {
    private static final Instant START = Instant.parse("2026-11-25T08:00:00Z");
    private static final DiscoveryScheduling SCHEDULING =
            new DiscoveryScheduling(Duration.ofSeconds(5), Duration.ofSeconds(60));

    @TempDir
    static Path state;

    private static CloudEmulator emulator;

    private final MutableClock clock = new MutableClock(START);
    private final FakeScheduler scheduler = new FakeScheduler(clock);
    private final FakeNetworkStateSource network =
            new FakeNetworkStateSource(FakeNetworkStateSource.fingerprint("192.168.1.20", "192.168.1.1"));
    private final AtomicLong tickerNanos = new AtomicLong();
    private DiscoveryService service;

    @BeforeAll
    static void startEmulator() throws Exception {
        emulator = Emulators.start(
                state,
                Emulators.node("a", "127.0.1.1").build(),
                Emulators.node("b", "127.0.1.2").build());
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @AfterEach
    void closeService() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void discoverProbesStoresAndReportsToTheCloud() throws Exception {
        service = service("device-discover", Emulators.reports(emulator));

        DiscoveryReport report = service.discover(DiscoveryService.TRIGGER_MANUAL);

        assertEquals("device-discover", report.deviceId());
        assertEquals(START, report.startedAt());
        assertEquals(DiscoveryService.TRIGGER_MANUAL, report.trigger());
        assertEquals(8, report.results().size());
        assertTrue(report.results().stream().allMatch(PairResult::reachable), report::toString);
        assertEquals(Optional.of(report), service.current());
        assertEquals(emulator.nodeList().nodes(), service.lastNodes());
        assertEquals(report, emulator.reports().latest("device-discover").orElseThrow());
    }

    @Test
    void theDurationComesFromTheTickerNotTheWallClock() throws Exception {
        service = service("device-ticker", Emulators.reports(emulator));
        clock.advance(Duration.ofHours(-3)); // time sync stepping the clock back must not matter

        DiscoveryReport report = service.discover(DiscoveryService.TRIGGER_MANUAL);

        assertTrue(report.durationMillis() >= 0 && report.durationMillis() < 10_000, report::toString);
    }

    @Test
    void aReportTheCloudCannotTakeIsStillKeptLocally() throws Exception {
        HttpClient http = Emulators.http(emulator);
        service = service(
                "device-unsent", new DiscoveryReportClient(http, Emulators.closedHttpsUri(), Duration.ofSeconds(2)));

        DiscoveryReport report = service.discover(DiscoveryService.TRIGGER_BOOT);

        assertEquals(Optional.of(report), service.current());
        assertEquals(Optional.empty(), emulator.reports().latest("device-unsent"));
    }

    @Test
    void aNodeListThatCannotBeFetchedLeavesTheCacheAlone() throws Exception {
        HttpClient http = Emulators.http(emulator);
        URI closed = Emulators.closedHttpsUri();
        service = new DiscoveryService(
                new NodeListClient(http, closed, Duration.ofSeconds(2)),
                new MediaNodeProber(Emulators.FAST, Emulators.trust(emulator)),
                Emulators.reports(emulator),
                new DiscoveryCache(clock),
                clock,
                tickerNanos::get,
                "device-no-list");

        CloudRequestException error =
                assertThrows(CloudRequestException.class, () -> service.discover(DiscoveryService.TRIGGER_BOOT));

        assertEquals(Step.CONNECT, error.step());
        assertEquals(Optional.empty(), service.current());
    }

    @Test
    void theCacheExpiringAfterTwoHoursTriggersANewProbe() throws Exception {
        service = service("device-expiry", Emulators.reports(emulator));
        service.start(scheduler, network, SCHEDULING);
        service.discover(DiscoveryService.TRIGGER_BOOT);

        scheduler.advanceBy(Duration.ofHours(2).minusSeconds(1));
        assertEquals(1, emulator.reports().receivedCount("device-expiry"));

        scheduler.advanceBy(Duration.ofSeconds(1));

        assertEquals(2, emulator.reports().receivedCount("device-expiry"));
        DiscoveryReport latest = emulator.reports().latest("device-expiry").orElseThrow();
        assertEquals(DiscoveryService.TRIGGER_EXPIRY, latest.trigger());
        assertEquals(START.plus(Duration.ofHours(2)), latest.startedAt());
        assertEquals(Optional.of(latest), service.current());
    }

    @Test
    void aNetworkChangeTriggersANewProbeAtTheNextPoll() throws Exception {
        service = service("device-network", Emulators.reports(emulator));
        service.start(scheduler, network, SCHEDULING);
        scheduler.runDueTasks(); // the baseline reading
        assertEquals(0, emulator.reports().receivedCount("device-network"));

        network.set(FakeNetworkStateSource.fingerprint("10.0.0.7", "10.0.0.1"));
        scheduler.advanceBy(SCHEDULING.networkPollInterval());

        assertEquals(1, emulator.reports().receivedCount("device-network"));
        assertEquals(
                DiscoveryService.TRIGGER_NETWORK_CHANGE,
                emulator.reports().latest("device-network").orElseThrow().trigger());
    }

    @Test
    void requestsWaitingForTheSameRunAreMergedIntoOneProbe() throws Exception {
        service = service("device-coalesce", Emulators.reports(emulator));
        service.start(scheduler, network, SCHEDULING);

        service.requestDiscovery(DiscoveryService.TRIGGER_BOOT);
        service.requestDiscovery(DiscoveryService.TRIGGER_NETWORK_CHANGE);
        service.requestDiscovery(DiscoveryService.TRIGGER_MANUAL);
        scheduler.runDueTasks();

        assertEquals(1, emulator.reports().receivedCount("device-coalesce"));
        assertEquals(
                DiscoveryService.TRIGGER_BOOT,
                emulator.reports().latest("device-coalesce").orElseThrow().trigger());
    }

    @Test
    void aScheduledProbeThatFailsIsRetriedAfterTheRetryDelay() throws Exception {
        try (ScriptedHttpServer cloud = new ScriptedHttpServer(503, "down for maintenance")) {
            service = new DiscoveryService(
                    new NodeListClient(HttpClient.newHttpClient(), cloud.uri(), Duration.ofSeconds(2)),
                    new MediaNodeProber(Emulators.FAST, Emulators.trust(emulator)),
                    Emulators.reports(emulator),
                    new DiscoveryCache(clock),
                    clock,
                    tickerNanos::get,
                    "device-retry");
            service.start(scheduler, network, SCHEDULING);

            service.requestDiscovery(DiscoveryService.TRIGGER_BOOT);
            scheduler.runDueTasks();
            assertEquals(1, cloud.requests());

            scheduler.advanceBy(SCHEDULING.failureRetryDelay().minusSeconds(1));
            assertEquals(1, cloud.requests());
            scheduler.advanceBy(Duration.ofSeconds(1));
            assertEquals(2, cloud.requests());
        }
    }

    @Test
    void afterCloseNothingMoreIsScheduled() throws Exception {
        service = service("device-closed", Emulators.reports(emulator));
        service.start(scheduler, network, SCHEDULING);
        service.discover(DiscoveryService.TRIGGER_BOOT);

        service.close();
        service.requestDiscovery(DiscoveryService.TRIGGER_MANUAL);
        scheduler.advanceBy(Duration.ofHours(3));

        assertEquals(1, emulator.reports().receivedCount("device-closed"));
        assertEquals(0, scheduler.pendingTasks());
    }

    private DiscoveryService service(String deviceId, DiscoveryReportClient reports) throws Exception {
        return new DiscoveryService(
                Emulators.nodeLists(emulator),
                new MediaNodeProber(Emulators.FAST, Emulators.trust(emulator)),
                reports,
                new DiscoveryCache(clock),
                clock,
                Ticker.system(),
                deviceId);
    }
}
