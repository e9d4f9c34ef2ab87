package com.roomagent.emulator.config;

import java.util.List;
import java.util.Map;

/**
 * The configuration file as written, before defaults and validation: every field may be absent
 * (null), and names are the file's (docs/cloud-emulator.md, "Configuration file").
 */
final class ConfigJson {
    private ConfigJson() {}

    record File(Signaling signaling, List<Node> nodes, Organization organization) {}

    record Signaling(
            String host,
            Integer port,
            Integer reportHistoryPerDevice,
            RateLimit activationRateLimit,
            String eventChannelHost,
            Integer eventChannelPort) {}

    record RateLimit(Integer burst, Integer refillSeconds) {}

    record Organization(String id, String contentUrl, String upgradeUrl, String metricsUrl) {}

    record Node(
            String id,
            String kind,
            String region,
            String host,
            Map<String, Integer> ports,
            Integer delayMillis,
            Map<String, String> transports) {}
}
