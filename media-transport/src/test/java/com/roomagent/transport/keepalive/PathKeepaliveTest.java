package com.roomagent.transport.keepalive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.transport.timing.FakeScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The keepalive on virtual time with the defaults: every 2.5 s, consent 10 s, media 5 s. */
class PathKeepaliveTest {
    private final FakeScheduler scheduler = new FakeScheduler();
    private final List<Long> sentAtMillis = new ArrayList<>();
    private final List<PathEvent> events = new ArrayList<>();
    private final PathKeepalive keepalive = new PathKeepalive(
            KeepaliveSettings.defaults(),
            scheduler,
            () -> sentAtMillis.add(scheduler.elapsedMillis()),
            events::add,
            "node-a udp 192.0.2.1:5004");

    private List<PathEvent.PathLost> losses() {
        return events.stream()
                .filter(PathEvent.PathLost.class::isInstance)
                .map(PathEvent.PathLost.class::cast)
                .toList();
    }

    @Test
    void sendsABindingRequestEveryKeepaliveInterval() {
        keepalive.start();
        scheduler.advanceTo(7_600);
        assertEquals(List.of(2_500L, 5_000L, 7_500L), sentAtMillis);
    }

    @Test
    void declaresThePathLostAfterConsentTimeoutWithoutAnswersAndNotBefore() {
        keepalive.start();
        scheduler.advanceTo(9_999);
        assertTrue(losses().isEmpty(), "still within consentTimeout");
        scheduler.advanceTo(10_000);
        assertEquals(1, losses().size());
        PathEvent.PathLost lost = losses().get(0);
        assertEquals(PathEvent.Cause.CONSENT_EXPIRED, lost.cause());
        assertEquals(Duration.ofSeconds(10), lost.silentFor());
        assertTrue(lost.detail().contains("consentTimeout 10000 ms"), lost.detail());
        scheduler.advanceTo(60_000);
        assertEquals(1, losses().size(), "told once");
        assertEquals(List.of(2_500L, 5_000L, 7_500L), sentAtMillis, "and nothing is sent after the loss");
    }

    @Test
    void answeredKeepalivesHoldThePathAndTrackTheRtt() {
        keepalive.start();
        for (int second = 1; second <= 60; second++) {
            scheduler.advanceTo(second * 1000L);
            if (second % 5 == 0) {
                keepalive.answered(Duration.ofMillis(second == 5 ? 80 : 40));
            }
        }
        assertTrue(losses().isEmpty(), "answered every 5 s: never lost");
        assertEquals(24, sentAtMillis.size(), "a request every 2.5 s for a minute");
        PathEvent.PathAlive last = (PathEvent.PathAlive) events.get(events.size() - 1);
        assertEquals(Duration.ofMillis(40), last.rtt());
        assertTrue(
                last.smoothedRtt().compareTo(Duration.ofMillis(40)) > 0
                        && last.smoothedRtt().compareTo(Duration.ofMillis(80)) < 0,
                "smoothed between the samples: " + last.smoothedRtt());
    }

    @Test
    void aPinholeOfThirtySecondsIsRefreshedWellWithinItsTimeout() {
        keepalive.start();
        scheduler.advanceTo(30_000);
        for (int i = 1; i < sentAtMillis.size(); i++) {
            assertTrue(sentAtMillis.get(i) - sentAtMillis.get(i - 1) <= 2_500);
        }
    }

    @Test
    void theMediaWatchdogFiresOnlyWhileMediaIsExpected() {
        keepalive.start();
        scheduler.advanceTo(4_000);
        keepalive.answered(Duration.ofMillis(20));
        scheduler.advanceTo(8_000);
        keepalive.answered(Duration.ofMillis(20));
        assertTrue(losses().isEmpty(), "no media, but none expected");
        keepalive.mediaExpected(true);
        scheduler.advanceTo(10_000);
        keepalive.mediaArrived();
        keepalive.answered(Duration.ofMillis(20));
        scheduler.advanceTo(14_999);
        keepalive.answered(Duration.ofMillis(20));
        assertTrue(losses().isEmpty());
        scheduler.advanceTo(15_000);
        assertEquals(1, losses().size());
        assertEquals(PathEvent.Cause.MEDIA_STOPPED, losses().get(0).cause());
        assertEquals(Duration.ofSeconds(5), losses().get(0).silentFor());
    }

    @Test
    void aMediaTimeoutShorterThanTheIntervalIsStillHonoured() {
        PathKeepalive quick = new PathKeepalive(
                new KeepaliveSettings(Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(1)),
                scheduler,
                () -> sentAtMillis.add(scheduler.elapsedMillis()),
                events::add,
                "quick");
        quick.start();
        scheduler.advanceTo(500);
        quick.mediaExpected(true);
        scheduler.advanceTo(1_499);
        assertTrue(losses().isEmpty());
        scheduler.advanceTo(1_500);
        assertEquals(PathEvent.Cause.MEDIA_STOPPED, losses().get(0).cause());
        assertTrue(sentAtMillis.isEmpty(), "the watchdog check sends no extra keepalive");
    }

    @Test
    void aClosedChannelLosesThePathAtOnce() {
        keepalive.start();
        scheduler.advanceTo(1_000);
        keepalive.channelClosed("the channel failed: connection reset");
        assertEquals(PathEvent.Cause.CHANNEL_CLOSED, losses().get(0).cause());
    }

    @Test
    void closingStopsRequestsAndEvents() {
        keepalive.start();
        scheduler.advanceTo(3_000);
        keepalive.close();
        scheduler.advanceTo(60_000);
        assertEquals(List.of(2_500L), sentAtMillis);
        assertTrue(losses().isEmpty());
        keepalive.channelClosed("closed locally");
        assertTrue(losses().isEmpty(), "closed first, so the channel's close is no loss");
    }

    @Test
    void settingsRefuseAConsentTimeoutNotLongerThanTheInterval() {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class,
                () -> new KeepaliveSettings(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5)));
        assertInstanceOf(IllegalArgumentException.class, error);
        assertTrue(error.getMessage().contains("consentTimeout (5000 ms) must be longer"), error.getMessage());
    }
}
