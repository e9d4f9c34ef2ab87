package com.roomagent.agent.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Every configuration key of the agent, documented once. The values here are the built-in
 * defaults, the lowest configuration layer (see {@link ConfigurationLoader}).
 */
public final class AgentSettings {
    private AgentSettings() {}

    public static final Setting<String> DEVICE_ID = text(
            "device.id",
            "",
            "The device's identifier in reports to the cloud. Empty means the host name. Provisioning"
                    + " replaces it with the identity in the device certificate.");

    public static final Setting<URI> CLOUD_SIGNALING_URL = new Setting<>(
            "cloud.signalingUrl",
            URI.class,
            SettingType.HTTPS_URL,
            "https://127.0.0.1:443",
            "",
            "",
            "Base URL of the signaling service (R2, R3): the media node list and discovery reports"
                    + " are under it. The default is the cloud emulator on loopback; provisioning sets the"
                    + " organization's.",
            false);

    public static final Setting<Path> CLOUD_TRUST_ANCHORS = new Setting<>(
            "cloud.trustAnchors",
            Path.class,
            SettingType.FILE,
            "",
            "",
            "",
            "PEM file with the certificate authorities trusted for the cloud's TLS (signaling and the"
                    + " media nodes' TLS port). Empty means the Java runtime's default trust store.",
            false);

    public static final Setting<Duration> CLOUD_CONNECT_TIMEOUT = duration(
            "cloud.connectTimeout", "5s", "100ms", "Time allowed to open a TCP connection to the signaling service.");

    public static final Setting<Duration> CLOUD_REQUEST_TIMEOUT = duration(
            "cloud.requestTimeout", "15s", "100ms", "Time allowed for one HTTPS request to the signaling service.");

    public static final Setting<Duration> DISCOVERY_UDP_INITIAL_RTO = duration(
            "discovery.udpInitialRto",
            "500ms",
            "10ms",
            "First STUN retransmission timeout over UDP (RFC 5389 section 7.2.1); it doubles with each"
                    + " retransmission.");

    public static final Setting<Integer> DISCOVERY_UDP_MAX_TRANSMISSIONS = new Setting<>(
            "discovery.udpMaxTransmissions",
            Integer.class,
            SettingType.WHOLE_NUMBER,
            "4",
            "1",
            "30",
            "Transmissions of one STUN request over UDP before giving up (Rc in RFC 5389; the RFC's 7"
                    + " makes a silently dropped path cost 39.5 s, 4 makes it cost 7.5 s).",
            false);

    public static final Setting<Integer> DISCOVERY_UDP_FINAL_WAIT_MULTIPLIER = number(
            "discovery.udpFinalWaitMultiplier",
            "8",
            "1",
            "After the last UDP transmission, wait this many initial RTOs for an answer (Rm in RFC 5389).");

    public static final Setting<Duration> DISCOVERY_CONNECT_TIMEOUT = duration(
            "discovery.connectTimeout", "3s", "10ms", "Time allowed to open a TCP connection to a media node.");

    public static final Setting<Duration> DISCOVERY_TLS_HANDSHAKE_TIMEOUT = duration(
            "discovery.tlsHandshakeTimeout", "3s", "10ms", "Time allowed for the TLS handshake with a media node.");

    public static final Setting<Duration> DISCOVERY_STREAM_RESPONSE_TIMEOUT = duration(
            "discovery.streamResponseTimeout",
            "5s",
            "10ms",
            "Time allowed for the answer to one STUN request over TCP or TLS.");

    public static final Setting<Integer> DISCOVERY_SAMPLES_PER_PAIR = number(
            "discovery.samplesPerPair",
            "3",
            "1",
            "STUN transactions per node and transport; the report gives their median round-trip time.");

    public static final Setting<Duration> DISCOVERY_SAMPLE_INTERVAL =
            duration("discovery.sampleInterval", "50ms", "0ms", "Pause between the samples of one node and transport.");

    public static final Setting<Duration> DISCOVERY_RESULT_TTL = duration(
            "discovery.resultTtl",
            "2h",
            "1s",
            "How long probe results stay valid (R9); the agent probes again when they expire.");

    public static final Setting<Duration> DISCOVERY_NETWORK_POLL_INTERVAL = duration(
            "discovery.networkPollInterval",
            "5s",
            "100ms",
            "How often the agent checks its interfaces, addresses and default route for a change that"
                    + " calls for a new probe (R9).");

    public static final Setting<Duration> DISCOVERY_FAILURE_RETRY_DELAY = duration(
            "discovery.failureRetryDelay",
            "60s",
            "1s",
            "When a scheduled probe fails (the cloud is unreachable), the agent tries again after this" + " delay.");

    /** Every setting, in the order of the documentation. */
    public static final List<Setting<?>> ALL = List.of(
            DEVICE_ID,
            CLOUD_SIGNALING_URL,
            CLOUD_TRUST_ANCHORS,
            CLOUD_CONNECT_TIMEOUT,
            CLOUD_REQUEST_TIMEOUT,
            DISCOVERY_UDP_INITIAL_RTO,
            DISCOVERY_UDP_MAX_TRANSMISSIONS,
            DISCOVERY_UDP_FINAL_WAIT_MULTIPLIER,
            DISCOVERY_CONNECT_TIMEOUT,
            DISCOVERY_TLS_HANDSHAKE_TIMEOUT,
            DISCOVERY_STREAM_RESPONSE_TIMEOUT,
            DISCOVERY_SAMPLES_PER_PAIR,
            DISCOVERY_SAMPLE_INTERVAL,
            DISCOVERY_RESULT_TTL,
            DISCOVERY_NETWORK_POLL_INTERVAL,
            DISCOVERY_FAILURE_RETRY_DELAY);

    private static Setting<String> text(String key, String defaultValue, String description) {
        return new Setting<>(key, String.class, SettingType.TEXT, defaultValue, "", "", description, false);
    }

    private static Setting<Integer> number(String key, String defaultValue, String minimum, String description) {
        return new Setting<>(
                key, Integer.class, SettingType.WHOLE_NUMBER, defaultValue, minimum, "", description, false);
    }

    private static Setting<Duration> duration(String key, String defaultValue, String minimum, String description) {
        return new Setting<>(key, Duration.class, SettingType.DURATION, defaultValue, minimum, "", description, false);
    }
}
