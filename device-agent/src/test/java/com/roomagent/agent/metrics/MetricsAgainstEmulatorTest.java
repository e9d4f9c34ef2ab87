package com.roomagent.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.agent.discovery.CloudHttp;
import com.roomagent.agent.discovery.CloudRequestException;
import com.roomagent.agent.discovery.MutableClock;
import com.roomagent.agent.discovery.TrustAnchors;
import com.roomagent.agent.provisioning.Backoff;
import com.roomagent.agent.upgrade.CloudServicesFixture;
import com.roomagent.emulator.metrics.MetricsStore;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.metrics.ChosenPathRecord;
import com.roomagent.protocol.metrics.MediaStatisticsRecord;
import com.roomagent.protocol.metrics.MetricRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** R20 end to end: the recorder against the cloud emulator's metrics service, over mutual TLS. */
class MetricsAgainstEmulatorTest {
    @TempDir
    Path directory;

    private CloudServicesFixture cloud;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));

    @BeforeEach
    void start() throws Exception {
        cloud = CloudServicesFixture.start(directory);
    }

    @AfterEach
    void stop() {
        cloud.close();
    }

    private MetricsRecorder recorder(int batchMaxRecords) {
        return new MetricsRecorder(
                new MetricsBatcher(
                        cloud.identity().deviceId(), batchMaxRecords, Duration.ofSeconds(60), UUID::randomUUID),
                new MetricsSpool(directory.resolve("spool"), 100, 1_000_000),
                uploader(),
                new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5)),
                clock,
                new Random(7));
    }

    private MetricsUploader uploader() {
        return new MetricsUploader(cloud.http(), cloud.identity().settings().metricsUrl(), Duration.ofSeconds(10));
    }

    private MetricRecord path(int i) {
        return new ChosenPathRecord(clock.instant(), "session-" + i, "node-1", MediaTransport.UDP, "preferred");
    }

    private MetricsStore received() {
        return cloud.emulator().metrics();
    }

    @Test
    void recordsAreDeliveredInBatchesUnderTheDevicesCertificate() {
        MetricsRecorder recorder = recorder(2);
        recorder.record(path(1));
        recorder.record(path(2));
        recorder.record(new MediaStatisticsRecord(clock.instant(), "session-1", "video-send", 900, 3, 4.5, 21.0, 1800));

        assertEquals(1, recorder.tick(), "the full batch goes at once");
        clock.advance(Duration.ofSeconds(60));
        assertEquals(1, recorder.tick(), "the partial batch goes once it is old enough");

        assertEquals(3, received().records().size());
        assertEquals(path(1).getClass(), received().records().get(0).getClass());
        assertTrue(received()
                .batches()
                .get(0)
                .clientSubject()
                .contains("CN=" + cloud.identity().deviceId()));
        assertEquals(0, recorder.spooled());
    }

    @Test
    void batchesSurviveAnOutageAndAreDeliveredOnceAfterIt() {
        MetricsRecorder recorder = recorder(1);
        received().setAvailable(false);
        for (int i = 0; i < 5; i++) {
            recorder.record(path(i));
        }

        assertEquals(0, recorder.tick());
        assertEquals(5, recorder.spooled(), "every batch is kept while the service is down");
        assertEquals(0, recorder.tick(), "backing off: no attempt before the wait");

        received().setAvailable(true);
        assertEquals(0, recorder.tick(), "still backing off");
        clock.advance(Duration.ofSeconds(6));
        assertEquals(5, recorder.tick());

        assertEquals(5, received().records().size());
        assertEquals(0, received().duplicates());
        assertEquals(0, recorder.spooled());
        assertEquals(0, recorder.tick(), "nothing is sent twice");
        assertEquals(5, received().records().size());
    }

    @Test
    void batchesSpooledBeforeARestartAreDeliveredByTheNextRun() {
        received().setAvailable(false);
        MetricsRecorder first = recorder(10);
        first.record(path(1));
        first.record(path(2));
        first.tick();
        first.close(); // the open batch goes to the disk spool

        received().setAvailable(true);
        MetricsRecorder second = recorder(10);
        assertEquals(1, second.spooled());
        assertEquals(1, second.tick());

        assertEquals(2, received().records().size());
    }

    @Test
    void theSameBatchUploadedTwiceIsStoredOnce() throws Exception {
        byte[] batch = ("{\"batchId\":\"b-1\",\"deviceId\":\""
                        + cloud.identity().deviceId()
                        + "\",\"createdAt\":\"2026-11-25T12:00:00Z\",\"records\":[{\"type\":\"chosen-path\","
                        + "\"at\":\"2026-11-25T12:00:00Z\",\"sessionId\":\"s\",\"nodeId\":\"n\",\"transport\":\"tcp\","
                        + "\"reason\":\"fallback\"}]}")
                .getBytes(StandardCharsets.UTF_8);

        uploader().upload(batch);
        uploader().upload(batch);

        assertEquals(1, received().batches().size());
        assertEquals(1, received().duplicates());
    }

    @Test
    void anUploadWithoutTheDeviceCertificateIsRefused() throws Exception {
        MetricsUploader anonymous = new MetricsUploader(
                CloudHttp.client(
                        TrustAnchors.sslContextTrusting(cloud.emulator().caCertificate()), Duration.ofSeconds(5)),
                cloud.identity().settings().metricsUrl(),
                Duration.ofSeconds(10));

        CloudRequestException error = assertThrows(
                CloudRequestException.class, () -> anonymous.upload("{}".getBytes(StandardCharsets.UTF_8)));

        assertEquals(401, error.status().orElse(0), error::getMessage);
        assertEquals(List.of(), received().batches());
    }
}
