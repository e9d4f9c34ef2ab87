package com.roomagent.protocol.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the agent uploads with {@code POST {metricsUrl}/v1/batches} (R20). The batch id makes the
 * upload idempotent: a batch sent again after a lost response is stored once.
 *
 * @param batchId a random UUID, chosen when the batch is closed
 * @param deviceId the reporting device
 * @param createdAt when the batch was closed
 * @param records the measurements, oldest first
 */
public record MetricsBatch(String batchId, String deviceId, Instant createdAt, List<MetricRecord> records) {
    public MetricsBatch {
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(createdAt, "createdAt");
        records = List.copyOf(records);
    }
}
