package com.roomagent.transport.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.transport.FakeMediaChannel;
import com.roomagent.transport.MediaCandidate;
import com.roomagent.transport.stun.StunSession;
import com.roomagent.transport.timing.FakeScheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The race on virtual time, with the default settings: stagger 200 ms, grace 250 ms. */
class TransportRaceTest {
    private static final MediaCandidate UDP = new MediaCandidate("node-a", "192.0.2.1", MediaTransport.UDP, 5004);
    private static final MediaCandidate TCP = new MediaCandidate("node-a", "192.0.2.1", MediaTransport.TCP, 5004);
    private static final MediaCandidate TLS = new MediaCandidate("node-a", "192.0.2.1", MediaTransport.TLS, 443);
    private static final MediaCandidate LAST =
            new MediaCandidate("node-a", "192.0.2.1", MediaTransport.UDP_LAST_RESORT, 33434);
    private static final List<MediaCandidate> ALL = List.of(UDP, TCP, TLS, LAST);

    private final FakeScheduler scheduler = new FakeScheduler();
    private final FakeAttemptStarter attempts = new FakeAttemptStarter(scheduler);
    private final RaceSettings settings = RaceSettings.defaults();

    private CompletableFuture<RaceResult> race(List<MediaCandidate> candidates) {
        scheduler.markStart();
        CompletableFuture<RaceResult> result = new TransportRace(settings, scheduler, attempts).run(candidates);
        scheduler.runDue();
        return result;
    }

    /** The race's result, which must be there already: on virtual time nothing completes later. */
    private static RaceResult decided(CompletableFuture<RaceResult> future) {
        assertTrue(future.isDone(), "the race has decided by now");
        return future.getNow(null);
    }

    private static AttemptRecord record(RaceResult result, MediaCandidate candidate) {
        return result.attempts().stream()
                .filter(r -> r.candidate().equals(candidate))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void udpAnsweringFirstWinsAtOnceAndNothingElseStarts() throws Exception {
        attempts.answers(UDP, 40).answers(TCP, 10);
        CompletableFuture<RaceResult> future = race(ALL);
        scheduler.advanceTo(40);
        assertTrue(future.isDone(), "decided as soon as the most preferred candidate answered");
        RaceResult result = decided(future);
        assertEquals(UDP, result.winnerOrThrow().candidate());
        assertEquals(Duration.ofMillis(40), result.elapsed());
        assertEquals(AttemptRecord.Outcome.NOT_STARTED, record(result, TCP).outcome());
        assertEquals(List.of(UDP), List.copyOf(attempts.startedAtMillis.keySet()));
    }

    @Test
    void silentlyDroppedUdpCostsOnlyTheStaggerAndTheGraceWindow() throws Exception {
        attempts.answers(TCP, 30); // UDP: no script, silently dropped
        CompletableFuture<RaceResult> future = race(ALL);
        scheduler.advanceTo(479);
        assertFalse(future.isDone(), "UDP still has its grace window");
        scheduler.advanceTo(480);
        RaceResult result = decided(future);
        assertEquals(TCP, result.winnerOrThrow().candidate());
        assertEquals(Duration.ofMillis(200 + 30 + 250), result.elapsed());
        assertEquals(200L, attempts.startedAtMillis.get(TCP));
        assertEquals(AttemptRecord.Outcome.CANCELLED, record(result, UDP).outcome());
        assertTrue(attempts.cancelled.contains(UDP), "the silent UDP attempt was stopped");
        assertEquals(
                AttemptRecord.Outcome.NOT_STARTED,
                record(result, TLS).outcome(),
                "candidates less preferred than an answered one are not started");
    }

    @Test
    void aMorePreferredCandidateAnsweringWithinTheGraceWindowWins() throws Exception {
        attempts.answers(UDP, 300).answers(TCP, 30); // TCP answers at 230, UDP at 300 < 230 + 250
        CompletableFuture<RaceResult> future = race(ALL);
        scheduler.advanceTo(300);
        RaceResult result = decided(future);
        assertEquals(UDP, result.winnerOrThrow().candidate());
        assertEquals(Duration.ofMillis(300), result.elapsed());
        assertEquals(AttemptRecord.Outcome.LOST, record(result, TCP).outcome());
        assertTrue(attempts.channels.get(TCP).isClosed(), "the losing TCP channel was closed");
        assertFalse(attempts.channels.get(UDP).isClosed(), "the winner's channel stays open");
    }

    @Test
    void aMorePreferredCandidateAnsweringAfterTheGraceWindowLoses() throws Exception {
        attempts.answers(UDP, 600).answers(TCP, 30); // TCP at 230, grace ends at 480
        CompletableFuture<RaceResult> future = race(ALL);
        scheduler.advanceTo(480);
        RaceResult result = decided(future);
        assertEquals(TCP, result.winnerOrThrow().candidate());
        assertEquals(AttemptRecord.Outcome.CANCELLED, record(result, UDP).outcome());
        assertTrue(attempts.channels.get(UDP).isClosed(), "the late UDP attempt was cancelled and closed");
    }

    @Test
    void aMorePreferredFailureDuringTheGraceWindowDecidesAtOnce() throws Exception {
        attempts.fails(UDP, 300, "ICMP port unreachable").answers(TCP, 30);
        CompletableFuture<RaceResult> future = race(ALL);
        scheduler.advanceTo(300);
        RaceResult result = decided(future);
        assertEquals(TCP, result.winnerOrThrow().candidate());
        assertEquals(Duration.ofMillis(300), result.elapsed(), "no need to wait for the rest of the grace window");
    }

    @Test
    void aFastFailureStartsTheNextCandidateImmediately() throws Exception {
        attempts.fails(UDP, 5, "ICMP port unreachable").answers(TCP, 20);
        CompletableFuture<RaceResult> future = race(ALL);
        scheduler.advanceTo(25);
        assertEquals(5L, attempts.startedAtMillis.get(TCP));
        RaceResult result = decided(future);
        assertEquals(TCP, result.winnerOrThrow().candidate());
        assertEquals(Duration.ofMillis(25), result.elapsed());
        assertEquals(AttemptRecord.Outcome.FAILED, record(result, UDP).outcome());
        assertEquals("ICMP port unreachable", record(result, UDP).detail());
    }

    @Test
    void candidatesStartOneStaggerApartWhileNoneAnswers() {
        attempts.answers(LAST, 10);
        race(ALL);
        scheduler.advanceTo(700);
        assertEquals(0L, attempts.startedAtMillis.get(UDP));
        assertEquals(200L, attempts.startedAtMillis.get(TCP));
        assertEquals(400L, attempts.startedAtMillis.get(TLS));
        assertEquals(600L, attempts.startedAtMillis.get(LAST));
    }

    @Test
    void whenEveryCandidateFailsTheErrorListsEachFailure() throws Exception {
        attempts.fails(UDP, 10, "ICMP port unreachable")
                .fails(TCP, 20, "connect refused")
                .fails(TLS, 30, "certificate not trusted")
                .fails(LAST, 40, "no STUN answer within 4000 ms");
        CompletableFuture<RaceResult> future = race(ALL);
        scheduler.advanceTo(1000);
        RaceResult result = decided(future);
        assertTrue(result.winner().isEmpty());
        assertEquals(Duration.ofMillis(100), result.elapsed(), "decided when the last one failed: 10+20+30+40");
        NoMediaPathException error = assertThrows(NoMediaPathException.class, result::winnerOrThrow);
        for (String expected : List.of(
                "node-a udp 192.0.2.1:5004: FAILED at 10 ms (ICMP port unreachable)",
                "node-a tcp 192.0.2.1:5004: FAILED at 30 ms (connect refused)",
                "node-a tls 192.0.2.1:443: FAILED at 60 ms (certificate not trusted)",
                "node-a udp-last-resort 192.0.2.1:33434: FAILED at 100 ms (no STUN answer within 4000 ms)")) {
            assertTrue(error.getMessage().contains(expected), error.getMessage());
        }
    }

    @Test
    void theRaceDeadlineEndsARaceNobodyAnswers() throws Exception {
        CompletableFuture<RaceResult> future = race(ALL);
        scheduler.advanceTo(9_999);
        assertFalse(future.isDone());
        scheduler.advanceTo(10_000);
        RaceResult result = decided(future);
        assertTrue(result.winner().isEmpty());
        assertEquals(4, attempts.cancelled.size(), "every hanging attempt was stopped");
        assertTrue(
                record(result, UDP).detail().contains("raceTimeout 10000 ms"),
                record(result, UDP).detail());
    }

    @Test
    void aSuccessArrivingAfterTheDecisionIsClosed() throws Exception {
        AttemptStarter.Listener[] udpListener = new AttemptStarter.Listener[1];
        AttemptStarter starter = (candidate, listener) -> {
            if (candidate.equals(UDP)) {
                udpListener[0] = listener;
                return () -> {};
            }
            return attempts.answers(TCP, 30).start(candidate, listener);
        };
        scheduler.markStart();
        CompletableFuture<RaceResult> future = new TransportRace(settings, scheduler, starter).run(List.of(UDP, TCP));
        scheduler.advanceTo(480);
        assertEquals(TCP, decided(future).winnerOrThrow().candidate());
        // The UDP answer crossed the cancel: the race must close it, or its socket leaks.
        FakeMediaChannel late = new FakeMediaChannel(MediaTransport.UDP);
        udpListener[0].succeeded(
                new ConnectedPath(UDP, new StunSession(late, null, scheduler::nanoTime), Duration.ofMillis(1)));
        scheduler.runDue();
        assertTrue(late.isClosed());
    }

    @Test
    void anEmptyCandidateListFailsAtOnceSayingSo() throws Exception {
        CompletableFuture<RaceResult> future = race(List.of());
        NoMediaPathException error =
                assertThrows(NoMediaPathException.class, () -> decided(future).winnerOrThrow());
        assertTrue(error.getMessage().contains("no media candidates"), error.getMessage());
    }
}
