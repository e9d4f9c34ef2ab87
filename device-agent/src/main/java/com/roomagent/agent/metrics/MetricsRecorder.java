package com.roomagent.agent.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.roomagent.agent.discovery.CloudRequestException;
import com.roomagent.agent.provisioning.Backoff;
import com.roomagent.protocol.discovery.DiscoveryJson;
import com.roomagent.protocol.discovery.DiscoveryReport;
import com.roomagent.protocol.discovery.PairResult;
import com.roomagent.protocol.metrics.MetricRecord;
import com.roomagent.protocol.metrics.MetricsBatch;
import com.roomagent.protocol.metrics.ProbeResultRecord;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects metrics (R20: probe results, the chosen path, media statistics) and delivers them to the
 * metrics URL: records go into batches ({@link MetricsBatcher}), closed batches into the bounded
 * spool ({@link MetricsSpool}, memory and disk), and {@link #tick()} uploads the spool oldest
 * first. A failed upload leaves the batch in the spool and waits with exponential backoff and full
 * jitter before the next attempt; a batch the service refuses as malformed (400, 413) is dropped
 * with a log line, as it would never be accepted.
 *
 * <p>Threads: {@link #record} from any thread; {@link #tick()} on {@code metrics-1} once {@link
 * #start}ed (tests call it directly, with an injected clock). The batcher and spool are guarded by
 * {@code this}; uploads run outside that lock, one tick at a time.
 */
public final class MetricsRecorder implements AutoCloseable {
    /** Uploads attempted in one tick at most, so one tick stays short. */
    static final int MAX_UPLOADS_PER_TICK = 50;

    private static final Logger LOG = LoggerFactory.getLogger(MetricsRecorder.class);
    private static final ObjectMapper JSON = DiscoveryJson.mapper();

    private final MetricsBatcher batcher;
    private final MetricsSpool spool;
    private final MetricsUploader uploader;
    private final Backoff backoff;
    private final Clock clock;
    private final Random random;
    private final Object ticking = new Object();
    private ScheduledExecutorService executor;
    private int failures;
    private Instant nextAttemptAt = Instant.MIN;
    private long delivered;

    public MetricsRecorder(
            MetricsBatcher batcher,
            MetricsSpool spool,
            MetricsUploader uploader,
            Backoff backoff,
            Clock clock,
            Random random) {
        this.batcher = batcher;
        this.spool = spool;
        this.uploader = uploader;
        this.backoff = backoff;
        this.clock = clock;
        this.random = random;
    }

    /** The records of one discovery report: one {@link ProbeResultRecord} per node and transport. */
    public static List<MetricRecord> records(DiscoveryReport report) {
        return report.results().stream()
                .map(result -> (MetricRecord) probeRecord(report, result))
                .toList();
    }

    private static ProbeResultRecord probeRecord(DiscoveryReport report, PairResult result) {
        return new ProbeResultRecord(
                report.startedAt(),
                report.trigger(),
                result.nodeId(),
                result.transport(),
                result.reachable(),
                result.medianRttMillis(),
                result.failure() == null ? null : result.failure().name());
    }

    /** Records every probe result of {@code report}: the discovery service's report listener. */
    public void recordDiscovery(DiscoveryReport report) {
        records(report).forEach(this::record);
    }

    /** Adds {@code record} to the open batch; a full batch goes to the spool. Any thread. */
    public synchronized void record(MetricRecord record) {
        batcher.add(record, clock.instant()).ifPresent(this::spool);
    }

    /**
     * Closes the open batch when it is due, then, unless backing off, uploads spooled batches
     * oldest first until one fails or the spool is empty.
     *
     * @return how many batches were delivered
     */
    public int tick() {
        synchronized (ticking) {
            Instant now = clock.instant();
            synchronized (this) {
                batcher.closeIfDue(now).ifPresent(this::spool);
                if (now.isBefore(nextAttemptAt)) {
                    return 0;
                }
            }
            int sent = 0;
            for (int i = 0; i < MAX_UPLOADS_PER_TICK; i++) {
                Optional<MetricsSpool.Entry> next;
                synchronized (this) {
                    next = spool.oldest();
                }
                if (next.isEmpty()) {
                    break;
                }
                if (!upload(next.get())) {
                    break;
                }
                sent++;
            }
            return sent;
        }
    }

    /** Uploads {@code entry}; true when it left the spool (delivered, or refused for good). */
    private boolean upload(MetricsSpool.Entry entry) {
        try {
            uploader.upload(entry.json());
        } catch (CloudRequestException e) {
            int status = e.status().orElse(0);
            if (status == 400 || status == 413) {
                synchronized (this) {
                    spool.remove(entry.batchId());
                }
                LOG.error(
                        "event=metrics-batch-refused batch_id={} status={} error=\"{}\" action=dropped",
                        entry.batchId(),
                        status,
                        e.getMessage());
                return true;
            }
            synchronized (this) {
                Duration wait = backoff.delay(failures, random);
                failures++;
                nextAttemptAt = clock.instant().plus(wait);
                LOG.warn(
                        "event=metrics-upload-failed url={} step={} spooled_batches={} retry_in_ms={} error=\"{}\"",
                        uploader.batchesUri(),
                        e.step().label(),
                        spool.size(),
                        wait.toMillis(),
                        e.getMessage());
            }
            return false;
        }
        synchronized (this) {
            spool.remove(entry.batchId());
            delivered++;
            if (failures > 0) {
                LOG.info("event=metrics-upload-recovered after_failures={} spooled_batches={}", failures, spool.size());
            }
            failures = 0;
            nextAttemptAt = Instant.MIN;
        }
        return true;
    }

    private void spool(MetricsBatch batch) {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(batch);
        } catch (JsonProcessingException e) {
            // Records of strings, numbers, enums and instants always serialize; failing here is a bug.
            throw new UncheckedIOException("cannot serialize a metrics batch", e);
        }
        spool.add(batch.batchId(), json);
    }

    /** Batches waiting for upload. */
    public synchronized int spooled() {
        return spool.size();
    }

    /** Batches delivered since start. */
    public synchronized long delivered() {
        return delivered;
    }

    /** Runs {@link #tick()} every {@code interval} on a thread named {@code metrics-1}, owned here. */
    public synchronized void start(Duration interval) {
        if (executor != null) {
            throw new IllegalStateException("the metrics recorder is already started");
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "metrics-1");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        tick();
                    } catch (RuntimeException e) {
                        LOG.error("event=metrics-tick-failed error=\"{}\"", e.toString(), e);
                    }
                },
                interval.toMillis(),
                interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Stops the ticks and puts the open batch into the spool, so it is sent after the next start. */
    @Override
    public void close() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = executor;
            executor = null;
        }
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            batcher.closeNow(clock.instant()).ifPresent(this::spool);
        }
    }
}
