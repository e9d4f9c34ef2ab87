package com.roomagent.protocol.discovery;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One discovery run: every node probed over every transport (R7, R8). The agent sends it to
 * {@code POST /v1/devices/{deviceId}/discovery-reports}; the cloud keeps the latest per device for
 * node assignment (R10).
 *
 * @param deviceId the reporting device
 * @param startedAt when the probe began
 * @param durationMillis wall time of the whole probe, in milliseconds
 * @param trigger why the probe ran: {@code boot}, {@code expiry}, {@code network-change} or {@code
 *     manual}
 * @param results one entry per node and transport
 */
public record DiscoveryReport(
        String deviceId, Instant startedAt, long durationMillis, String trigger, List<PairResult> results) {
    public DiscoveryReport {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(trigger, "trigger");
        results = List.copyOf(results);
    }
}
