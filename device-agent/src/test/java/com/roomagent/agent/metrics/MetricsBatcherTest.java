package com.roomagent.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.metrics.ChosenPathRecord;
import com.roomagent.protocol.metrics.MetricsBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MetricsBatcherTest {
    private static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");

    private static ChosenPathRecord path(Instant at) {
        return new ChosenPathRecord(at, "session-1", "node-1", MediaTransport.UDP, "preferred");
    }

    @Test
    void aBatchClosesWhenItHoldsTheMaximumCount() {
        MetricsBatcher batcher = new MetricsBatcher("dev-1", 3, Duration.ofMinutes(1), UUID::randomUUID);

        assertTrue(batcher.add(path(T0), T0).isEmpty());
        assertTrue(batcher.add(path(T0), T0).isEmpty());
        Optional<MetricsBatch> batch = batcher.add(path(T0), T0);

        assertEquals(3, batch.orElseThrow().records().size());
        assertEquals("dev-1", batch.get().deviceId());
        assertEquals(0, batcher.pending());
    }

    @Test
    void aBatchClosesWhenItsFirstRecordReachesTheMaximumAge() {
        MetricsBatcher batcher = new MetricsBatcher("dev-1", 100, Duration.ofSeconds(60), UUID::randomUUID);
        batcher.add(path(T0), T0);
        batcher.add(path(T0.plusSeconds(50)), T0.plusSeconds(50));

        assertTrue(batcher.closeIfDue(T0.plusSeconds(59)).isEmpty());
        MetricsBatch batch = batcher.closeIfDue(T0.plusSeconds(60)).orElseThrow();

        assertEquals(2, batch.records().size());
        assertEquals(T0.plusSeconds(60), batch.createdAt());
    }

    @Test
    void anEmptyBatchNeverCloses() {
        MetricsBatcher batcher = new MetricsBatcher("dev-1", 1, Duration.ofSeconds(1), UUID::randomUUID);

        assertTrue(batcher.closeIfDue(T0.plus(Duration.ofDays(1))).isEmpty());
        assertTrue(batcher.closeNow(T0).isEmpty());
    }

    @Test
    void everyBatchHasItsOwnId() {
        MetricsBatcher batcher = new MetricsBatcher("dev-1", 1, Duration.ofSeconds(1), UUID::randomUUID);

        String first = batcher.add(path(T0), T0).orElseThrow().batchId();
        String second = batcher.add(path(T0), T0).orElseThrow().batchId();

        assertTrue(!first.equals(second), first);
    }
}
