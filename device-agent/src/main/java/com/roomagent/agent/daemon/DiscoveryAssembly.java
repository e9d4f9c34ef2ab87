package com.roomagent.agent.daemon;

import com.roomagent.agent.config.AgentConfiguration;
import com.roomagent.agent.config.AgentSettings;
import com.roomagent.agent.config.SettingType;
import com.roomagent.agent.discovery.CloudHttp;
import com.roomagent.agent.discovery.DiscoveryCache;
import com.roomagent.agent.discovery.DiscoveryReportClient;
import com.roomagent.agent.discovery.DiscoveryScheduling;
import com.roomagent.agent.discovery.DiscoveryService;
import com.roomagent.agent.discovery.MediaNodeProber;
import com.roomagent.agent.discovery.NodeListClient;
import com.roomagent.agent.discovery.ProbeSettings;
import com.roomagent.agent.discovery.TrustAnchorException;
import com.roomagent.agent.discovery.TrustAnchors;
import com.roomagent.agent.proxy.HttpProxy;
import com.roomagent.agent.proxy.ProxyConfiguration;
import com.roomagent.agent.proxy.pac.SystemPacEnvironment;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/** Builds the discovery components from the agent's configuration; used by the daemon and the CLI. */
public final class DiscoveryAssembly {
    private static final String SOFTWARE = "room-agent 0.1.0";

    private DiscoveryAssembly() {}

    /** The probe timing and sampling the configuration asks for (discovery.* keys). */
    public static ProbeSettings probeSettings(AgentConfiguration configuration) {
        return ProbeSettings.defaults().toBuilder()
                .udpInitialRto(configuration.get(AgentSettings.DISCOVERY_UDP_INITIAL_RTO))
                .udpMaxTransmissions(configuration.get(AgentSettings.DISCOVERY_UDP_MAX_TRANSMISSIONS))
                .udpFinalWaitMultiplier(configuration.get(AgentSettings.DISCOVERY_UDP_FINAL_WAIT_MULTIPLIER))
                .connectTimeout(configuration.get(AgentSettings.DISCOVERY_CONNECT_TIMEOUT))
                .tlsHandshakeTimeout(configuration.get(AgentSettings.DISCOVERY_TLS_HANDSHAKE_TIMEOUT))
                .streamResponseTimeout(configuration.get(AgentSettings.DISCOVERY_STREAM_RESPONSE_TIMEOUT))
                .samplesPerPair(configuration.get(AgentSettings.DISCOVERY_SAMPLES_PER_PAIR))
                .sampleInterval(configuration.get(AgentSettings.DISCOVERY_SAMPLE_INTERVAL))
                .software(SOFTWARE)
                .build();
    }

    /**
     * The TLS trust for the cloud: the configured PEM file, or the Java runtime's default trust
     * store when {@code cloud.trustAnchors} is empty.
     *
     * @throws TrustAnchorException naming the file when it cannot be read as certificates
     */
    public static SSLContext cloudTrust(AgentConfiguration configuration) throws TrustAnchorException {
        Path anchors = configuration.get(AgentSettings.CLOUD_TRUST_ANCHORS);
        if (anchors.equals(SettingType.NO_FILE)) {
            try {
                return SSLContext.getDefault();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the Java runtime has no default TLS context", e);
            }
        }
        return TrustAnchors.sslContextTrusting(anchors);
    }

    /** The agent's HTTPS client for the cloud: trust, connect timeout and the configured proxy (R4). */
    public static HttpClient cloudHttp(AgentConfiguration configuration, SSLContext trust) {
        return CloudHttp.client(trust, configuration.get(AgentSettings.CLOUD_CONNECT_TIMEOUT), proxies(configuration));
    }

    /**
     * How the cloud is reached ({@code network.proxyMode}): direct, the explicit proxy, or a PAC
     * file (fetched directly, with the runtime's default trust, at the first request). Each call
     * builds a new PAC selector with its own cache: build it once and pass it to {@link
     * CloudHttp#client(SSLContext, Duration, ProxyConfiguration)} to share one.
     */
    public static ProxyConfiguration proxies(AgentConfiguration configuration) {
        if (!List.of("pac", "auto").contains(configuration.get(AgentSettings.NETWORK_PROXY_MODE))) {
            return ProxyConfiguration.explicit(
                    configuration.get(AgentSettings.NETWORK_PROXY_MODE).equals("none")
                            ? Optional.empty()
                            : HttpProxy.from(configuration));
        }
        SSLContext publicTrust;
        try {
            publicTrust = SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the Java runtime has no default TLS context", e);
        }
        HttpClient pacHttp = CloudHttp.client(
                publicTrust, configuration.get(AgentSettings.CLOUD_CONNECT_TIMEOUT), ProxyConfiguration.direct());
        Clock clock = Clock.systemDefaultZone();
        return ProxyConfiguration.from(configuration, pacHttp, new SystemPacEnvironment(clock), clock);
    }

    /** How the daemon schedules probes after the first (discovery.networkPollInterval and friends). */
    public static DiscoveryScheduling scheduling(AgentConfiguration configuration) {
        return new DiscoveryScheduling(
                configuration.get(AgentSettings.DISCOVERY_NETWORK_POLL_INTERVAL),
                configuration.get(AgentSettings.DISCOVERY_FAILURE_RETRY_DELAY));
    }

    /**
     * A discovery service talking to the configured cloud.
     *
     * @throws TrustAnchorException when the configured trust anchors cannot be read
     */
    public static DiscoveryService discoveryService(AgentConfiguration configuration, Clock clock)
            throws TrustAnchorException {
        return discoveryService(configuration, clock, configuration.deviceId());
    }

    /**
     * A discovery service reporting as {@code deviceId}: the daemon passes the identity the cloud
     * gave the device.
     *
     * @throws TrustAnchorException when the configured trust anchors cannot be read
     */
    public static DiscoveryService discoveryService(AgentConfiguration configuration, Clock clock, String deviceId)
            throws TrustAnchorException {
        SSLContext trust = cloudTrust(configuration);
        URI signaling = configuration.get(AgentSettings.CLOUD_SIGNALING_URL);
        Duration requestTimeout = configuration.get(AgentSettings.CLOUD_REQUEST_TIMEOUT);
        ProxyConfiguration proxies = proxies(configuration);
        HttpClient http = CloudHttp.client(trust, configuration.get(AgentSettings.CLOUD_CONNECT_TIMEOUT), proxies);
        DiscoveryService service = new DiscoveryService(
                new NodeListClient(http, signaling, requestTimeout),
                new MediaNodeProber(probeSettings(configuration), trust),
                new DiscoveryReportClient(http, signaling, requestTimeout),
                new DiscoveryCache(clock, configuration.get(AgentSettings.DISCOVERY_RESULT_TTL)),
                clock,
                deviceId);
        proxies.pacSelector().ifPresent(selector -> service.onNetworkChange(selector::invalidate));
        return service;
    }
}
