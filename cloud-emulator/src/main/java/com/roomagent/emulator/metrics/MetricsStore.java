package com.roomagent.emulator.metrics;

import com.roomagent.protocol.metrics.MetricRecord;
import com.roomagent.protocol.metrics.MetricsBatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics the emulated metrics service received (R20), in arrival order, one copy per batch
 * id: a batch uploaded again (the device did not see the answer) is acknowledged and dropped. Also
 * the test switch that makes the service unavailable (every upload answered 503). Thread-safe.
 */
public final class MetricsStore {
    private static final Logger log = LoggerFactory.getLogger(MetricsStore.class);

    private final int maxBatches;
    private final Map<String, Received> batches = new LinkedHashMap<>();
    private int duplicates;
    private boolean available = true;

    /** One accepted batch, and the certificate subject of the device that sent it. */
    public record Received(MetricsBatch batch, String clientSubject) {}

    /** @param maxBatches batches kept; the oldest is forgotten beyond it */
    public MetricsStore(int maxBatches) {
        if (maxBatches < 1) {
            throw new IllegalArgumentException("maxBatches must be positive");
        }
        this.maxBatches = maxBatches;
    }

    /**
     * Stores {@code batch} unless its id was seen.
     *
     * @return false for a duplicate
     */
    public synchronized boolean add(MetricsBatch batch, String clientSubject) {
        if (batches.containsKey(batch.batchId())) {
            duplicates++;
            log.info("metrics.duplicate_batch batchId={} device={}", batch.batchId(), batch.deviceId());
            return false;
        }
        batches.put(batch.batchId(), new Received(batch, clientSubject));
        if (batches.size() > maxBatches) {
            String oldest = batches.keySet().iterator().next();
            batches.remove(oldest);
        }
        return true;
    }

    /** Every batch kept, in arrival order. */
    public synchronized List<Received> batches() {
        return List.copyOf(batches.values());
    }

    /** Every record of every batch kept, in arrival order. */
    public synchronized List<MetricRecord> records() {
        List<MetricRecord> records = new ArrayList<>();
        batches.values().forEach(received -> records.addAll(received.batch().records()));
        return records;
    }

    /** How many uploads repeated a batch id already stored. */
    public synchronized int duplicates() {
        return duplicates;
    }

    /** Test switch: while false, uploads are answered 503 and nothing is stored. */
    public synchronized void setAvailable(boolean available) {
        this.available = available;
        log.info("metrics.availability available={}", available);
    }

    public synchronized boolean available() {
        return available;
    }
}
