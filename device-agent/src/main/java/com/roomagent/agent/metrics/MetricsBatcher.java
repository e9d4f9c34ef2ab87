package com.roomagent.agent.metrics;

import com.roomagent.protocol.metrics.MetricRecord;
import com.roomagent.protocol.metrics.MetricsBatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Groups records into batches (R20): a batch closes when it holds {@code maxRecords}, or once its
 * first record is {@code maxAge} old. Pure: time is passed in. Not thread-safe; its owner ({@link
 * MetricsRecorder}) guards it.
 */
public final class MetricsBatcher {
    private final String deviceId;
    private final int maxRecords;
    private final Duration maxAge;
    private final Supplier<UUID> batchIds;
    private final List<MetricRecord> open = new ArrayList<>();
    private Instant openedAt;

    public MetricsBatcher(String deviceId, int maxRecords, Duration maxAge, Supplier<UUID> batchIds) {
        if (maxRecords < 1) {
            throw new IllegalArgumentException("maxRecords must be positive, got " + maxRecords);
        }
        this.deviceId = deviceId;
        this.maxRecords = maxRecords;
        this.maxAge = maxAge;
        this.batchIds = batchIds;
    }

    /** Adds {@code record}; returns the batch it completed, if it was the last one that fits. */
    public Optional<MetricsBatch> add(MetricRecord record, Instant now) {
        if (open.isEmpty()) {
            openedAt = now;
        }
        open.add(record);
        return open.size() >= maxRecords ? Optional.of(close(now)) : Optional.empty();
    }

    /** The open batch, closed, when its first record is at least {@code maxAge} old. */
    public Optional<MetricsBatch> closeIfDue(Instant now) {
        if (open.isEmpty() || Duration.between(openedAt, now).compareTo(maxAge) < 0) {
            return Optional.empty();
        }
        return Optional.of(close(now));
    }

    /** The open batch, closed now whatever its age (the agent is stopping); empty when it has no record. */
    public Optional<MetricsBatch> closeNow(Instant now) {
        return open.isEmpty() ? Optional.empty() : Optional.of(close(now));
    }

    /** Records waiting in the open batch. */
    public int pending() {
        return open.size();
    }

    private MetricsBatch close(Instant now) {
        MetricsBatch batch = new MetricsBatch(batchIds.get().toString(), deviceId, now, open);
        open.clear();
        openedAt = null;
        return batch;
    }
}
