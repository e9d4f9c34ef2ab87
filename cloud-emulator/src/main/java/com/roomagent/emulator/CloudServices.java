package com.roomagent.emulator;

import com.roomagent.emulator.config.EmulatorConfig;
import com.roomagent.emulator.metrics.MetricsStore;
import com.roomagent.emulator.provisioning.AdminToken;
import com.roomagent.emulator.signaling.SignalingServer;
import com.roomagent.emulator.upgrade.UpgradeRepository;
import com.roomagent.emulator.upgrade.UpgradeSigningKey;
import com.roomagent.protocol.activation.OrganizationSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The upgrade (R19) and metrics (R20) services, served by the signaling server under the paths of
 * the organization's upgrade and metrics URLs. When a configured URL names another host or port,
 * the emulator still serves it under that path on its own address, and logs that the device must
 * be pointed there.
 */
record CloudServices(UpgradeRepository upgrades, MetricsStore metrics) {
    private static final Logger log = LoggerFactory.getLogger(CloudServices.class);
    private static final int KEPT_BATCHES = 10_000;

    static CloudServices start(
            SignalingServer signaling, URI signalingUri, EmulatorConfig config, Path state, AdminToken adminToken)
            throws IOException {
        OrganizationSettings settings = config.organization().settings(signalingUri);
        UpgradeRepository upgrades =
                new UpgradeRepository(UpgradeSigningKey.loadOrCreate(state), settings.upgradeUrl());
        MetricsStore metrics = new MetricsStore(KEPT_BATCHES);
        String upgradePath = basePath(settings.upgradeUrl(), signalingUri, "/upgrades");
        String metricsPath = basePath(settings.metricsUrl(), signalingUri, "/metrics");
        signaling.serveCloudServices(upgradePath, upgrades, adminToken, metricsPath, metrics);
        return new CloudServices(upgrades, metrics);
    }

    private static String basePath(URI configured, URI signalingUri, String fallback) {
        if (configured.getPort() != signalingUri.getPort()
                || !configured.getHost().equals(signalingUri.getHost())) {
            log.warn(
                    "emulator.service_elsewhere url={} servedAt={} hint=\"the emulator serves this service only on"
                            + " its own address; set the device's URL to the served one\"",
                    configured,
                    signalingUri);
        }
        String path =
                configured.getRawPath() == null ? "" : configured.getRawPath().replaceAll("/+$", "");
        return path.isEmpty() ? fallback : path;
    }
}
