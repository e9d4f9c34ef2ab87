package com.roomagent.protocol.metrics;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * One measurement the agent reports to the metrics service (R20). In JSON, the {@code type} field
 * says which: {@code probe-result}, {@code chosen-path} or {@code media-statistics}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ProbeResultRecord.class, name = "probe-result"),
    @JsonSubTypes.Type(value = ChosenPathRecord.class, name = "chosen-path"),
    @JsonSubTypes.Type(value = MediaStatisticsRecord.class, name = "media-statistics")
})
public sealed interface MetricRecord permits ProbeResultRecord, ChosenPathRecord, MediaStatisticsRecord {
    /** When it was measured, by the device's clock. */
    Instant at();
}
