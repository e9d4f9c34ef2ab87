package com.roomagent.protocol.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.roomagent.protocol.discovery.DiscoveryJson;
import com.roomagent.protocol.discovery.MediaTransport;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsBatchJsonTest {
    private static final ObjectMapper JSON = DiscoveryJson.mapper();
    private static final Instant AT = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void everyRecordTypeSurvivesTheWireWithItsTypeName() throws Exception {
        MetricsBatch batch = new MetricsBatch(
                "b-1",
                "dev-1",
                AT,
                List.of(
                        new ProbeResultRecord(AT, "boot", "node-1", MediaTransport.UDP, true, 12.5, null),
                        new ProbeResultRecord(AT, "boot", "node-1", MediaTransport.TLS, false, null, "TIMEOUT"),
                        new ChosenPathRecord(AT, "s-1", "node-1", MediaTransport.TCP, "fallback"),
                        new MediaStatisticsRecord(AT, "s-1", "audio-send", 500, 2, 3.5, 40.0, 64)));

        String text = JSON.writeValueAsString(batch);

        assertTrue(text.contains("\"type\" : \"probe-result\""), text);
        assertTrue(text.contains("\"type\" : \"chosen-path\""), text);
        assertTrue(text.contains("\"type\" : \"media-statistics\""), text);
        assertEquals(batch, JSON.readValue(text, MetricsBatch.class));
    }
}
