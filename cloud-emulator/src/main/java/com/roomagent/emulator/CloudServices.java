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
 * the organization's upgrade and metrics URLs. When a configured URL names another host or port
 * (or a path signaling uses), the emulator serves the service under {@code /upgrades} or {@code
 * /metrics} on its own address instead, and logs where.
 */
record CloudServices(UpgradeRepository upgrades, MetricsStore metrics) {
    private static final Logger log = LoggerFactory.getLogger(CloudServices.class);
    private static final int KEPT_BATCHES = 10_000;

    static CloudServices start(
            SignalingServer signaling, URI signalingUri, EmulatorConfig config, Path state, AdminToken adminToken)
            throws IOException {
        OrganizationSettings settings = config.organization().settings(signalingUri);
        String upgradePath = basePath(settings.upgradeUrl(), signalingUri, "/upgrades");
        String metricsPath = basePath(settings.metricsUrl(), signalingUri, "/metrics");
        // Image URLs in manifests name where the emulator actually serves them.
        URI servedUpgradeUrl = URI.create(signalingUri.toString().replaceAll("/+$", "") + upgradePath);
        UpgradeRepository upgrades = new UpgradeRepository(UpgradeSigningKey.loadOrCreate(state), servedUpgradeUrl);
        MetricsStore metrics = new MetricsStore(KEPT_BATCHES);
        signaling.serveCloudServices(upgradePath, upgrades, adminToken, metricsPath, metrics);
        return new CloudServices(upgrades, metrics);
    }

    /**
     * The path to serve a service under: the configured URL's path when that URL is on this
     * emulator and does not clash with signaling's own paths; {@code fallback} otherwise (with a
     * warning, as devices provisioned with the configured URL will not reach this emulator).
     */
    private static String basePath(URI configured, URI signalingUri, String fallback) {
        String path =
                configured.getRawPath() == null ? "" : configured.getRawPath().replaceAll("/+$", "");
        boolean here = configured.getPort() == signalingUri.getPort()
                && configured.getHost().equals(signalingUri.getHost());
        boolean clashes = path.isEmpty()
                || path.equals("/v1")
                || path.startsWith("/v1/")
                || path.equals("/pair")
                || path.startsWith("/pair/");
        if (here && !clashes) {
            return path;
        }
        log.warn(
                "emulator.service_elsewhere url={} servedAt={}{} hint=\"devices provisioned with this URL do not reach"
                        + " this emulator's service; override the device's URL to the served one\"",
                configured,
                signalingUri,
                fallback);
        return fallback;
    }
}
