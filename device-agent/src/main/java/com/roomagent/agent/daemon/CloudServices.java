package com.roomagent.agent.daemon;

import com.roomagent.agent.config.AgentConfiguration;
import com.roomagent.agent.config.AgentSettings;
import com.roomagent.agent.config.SettingType;
import com.roomagent.agent.discovery.TrustAnchorException;
import com.roomagent.agent.metrics.MetricsBatcher;
import com.roomagent.agent.metrics.MetricsRecorder;
import com.roomagent.agent.metrics.MetricsSpool;
import com.roomagent.agent.metrics.MetricsUploader;
import com.roomagent.agent.provisioning.Backoff;
import com.roomagent.agent.signaling.DeviceTls;
import com.roomagent.agent.upgrade.CommandInstaller;
import com.roomagent.agent.upgrade.Installer;
import com.roomagent.agent.upgrade.SemanticVersion;
import com.roomagent.agent.upgrade.SigningKeyException;
import com.roomagent.agent.upgrade.SigningKeys;
import com.roomagent.agent.upgrade.UpgradeChecker;
import com.roomagent.agent.upgrade.UpgradeService;
import com.roomagent.provisioning.identity.DeviceIdentity;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics recorder (R20) and the upgrade checks (R19) of one provisioned identity, both over
 * mutual TLS with that identity, built from the configuration and owned here: the daemon starts
 * one when it has an identity and closes it at reset and stop.
 */
final class CloudServices implements AutoCloseable {
    /** The version of this agent, compared with the upgrade manifest's. */
    static final SemanticVersion RUNNING_VERSION = SemanticVersion.parse("0.1.0");
    /** The metrics directory under the state directory. */
    static final String METRICS_SPOOL = "metrics-spool";

    private static final Logger LOG = LoggerFactory.getLogger(CloudServices.class);
    private static final Duration METRICS_TICK = Duration.ofSeconds(1);

    private final MetricsRecorder metrics;
    private final Optional<UpgradeService> upgrades;

    private CloudServices(MetricsRecorder metrics, Optional<UpgradeService> upgrades) {
        this.metrics = metrics;
        this.upgrades = upgrades;
    }

    /**
     * Starts both services for {@code identity}.
     *
     * @throws TrustAnchorException when {@code cloud.trustAnchors} cannot be read
     * @throws SigningKeyException when {@code upgrade.signingKey} is set but cannot be read
     */
    static CloudServices start(AgentConfiguration configuration, DeviceIdentity identity, Clock clock)
            throws TrustAnchorException, SigningKeyException {
        HttpClient http = deviceHttp(configuration, identity);
        Duration requestTimeout = configuration.get(AgentSettings.CLOUD_REQUEST_TIMEOUT);
        MetricsRecorder metrics = new MetricsRecorder(
                new MetricsBatcher(
                        identity.deviceId(),
                        configuration.get(AgentSettings.METRICS_BATCH_MAX_RECORDS),
                        configuration.get(AgentSettings.METRICS_BATCH_MAX_AGE),
                        UUID::randomUUID),
                new MetricsSpool(
                        configuration.stateDirectory().resolve(METRICS_SPOOL),
                        configuration.get(AgentSettings.METRICS_SPOOL_MAX_BATCHES),
                        configuration.get(AgentSettings.METRICS_SPOOL_MAX_KILOBYTES) * 1024L),
                new MetricsUploader(http, configuration.get(AgentSettings.CLOUD_METRICS_URL), requestTimeout),
                new Backoff(
                        configuration.get(AgentSettings.METRICS_RETRY_INITIAL_INTERVAL),
                        configuration.get(AgentSettings.METRICS_RETRY_MAX_INTERVAL)),
                clock,
                new SecureRandom());
        metrics.start(METRICS_TICK);
        Path key = configuration.get(AgentSettings.UPGRADE_SIGNING_KEY);
        Optional<UpgradeService> upgrades = Optional.empty();
        if (key.equals(SettingType.NO_FILE)) {
            LOG.warn("event=upgrades-off reason=\"upgrade.signingKey is empty: without a pinned key no image can be"
                    + " verified, so the agent never checks for upgrades\"");
        } else {
            String command = configuration.get(AgentSettings.UPGRADE_INSTALL_COMMAND);
            Optional<Installer> installer = command.isEmpty()
                    ? Optional.empty()
                    : Optional.of(
                            new CommandInstaller(command, configuration.get(AgentSettings.UPGRADE_INSTALL_TIMEOUT)));
            UpgradeChecker checker = new UpgradeChecker(
                    http,
                    configuration.get(AgentSettings.CLOUD_UPGRADE_URL),
                    SigningKeys.read(key),
                    configuration.stateDirectory(),
                    RUNNING_VERSION,
                    configuration.get(AgentSettings.UPGRADE_MAX_IMAGE_MEGABYTES) * 1024L * 1024L,
                    requestTimeout,
                    configuration.get(AgentSettings.UPGRADE_DOWNLOAD_TIMEOUT),
                    installer);
            Duration interval = configuration.get(AgentSettings.UPGRADE_CHECK_INTERVAL);
            upgrades = Optional.of(UpgradeService.start(
                    checker,
                    interval.compareTo(UpgradeService.FIRST_CHECK_DELAY) < 0
                            ? interval
                            : UpgradeService.FIRST_CHECK_DELAY,
                    interval));
        }
        return new CloudServices(metrics, upgrades);
    }

    /**
     * The HTTPS client presenting the device's identity, with the cloud's trust and the same proxy
     * selection (explicit, PAC or WPAD) as every cloud request.
     */
    private static HttpClient deviceHttp(AgentConfiguration configuration, DeviceIdentity identity)
            throws TrustAnchorException {
        return DiscoveryAssembly.cloudHttp(configuration, DeviceTls.sslContext(configuration, identity));
    }

    MetricsRecorder metrics() {
        return metrics;
    }

    /** The upgrade checks; empty when {@code upgrade.signingKey} is empty. */
    Optional<UpgradeService> upgrades() {
        return upgrades;
    }

    @Override
    public void close() {
        upgrades.ifPresent(UpgradeService::close);
        metrics.close();
    }
}
