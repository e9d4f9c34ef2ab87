package com.roomagent.agent.config;

import com.roomagent.agent.call.VideoSourceMode;
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
                    + " sets it (in the provisioned layer) to the identity the cloud gave the device, and the"
                    + " running agent always reports under that identity once provisioned.");

    public static final Setting<String> DEVICE_MODEL = text(
            "device.model",
            "emulated-board",
            "The device's model, sent with the activation request for the organization's inventory.");

    public static final Setting<String> DEVICE_SERIAL_NUMBER = text(
            "device.serialNumber",
            "",
            "The device's serial number, sent with the activation request and used as the subject of"
                    + " its certificate request. Empty means one derived from /etc/machine-id (a hash of it,"
                    + " never the id itself), or the host name when that file is missing.");

    public static final Setting<Path> CONTROL_SOCKET_PATH = new Setting<>(
            "control.socketPath",
            Path.class,
            SettingType.FILE,
            "",
            "",
            "",
            "The local control socket (a Unix domain socket, mode 0660; the agent listens on no network"
                    + " port, R1) that room-agent activate, status and factory-reset talk to. Empty means"
                    + " control.sock in the state directory. Unix socket paths are limited to 107 bytes.",
            false);

    public static final Setting<String> HAL_BOARD = new Setting<>(
            "hal.board",
            String.class,
            SettingType.BOARD_PROFILE,
            "emulated",
            "",
            "",
            "The built-in board profile the hardware layer opens at boot (docs/hal.md): emulated,"
                    + " raspberry-pi-room-kit or generic-arm64. Used only when board.properties has no board.*"
                    + " keys; with them, that file is the board's profile. Read once at boot.",
            false);

    public static final Setting<CameraSelection> PROVISIONING_CAMERA = new Setting<>(
            "provisioning.camera",
            CameraSelection.class,
            SettingType.CAMERA,
            "none",
            "",
            "",
            "The camera watched for an activation QR code while the device is unprovisioned: none,"
                    + " test-pattern, image:FILE or clip:FILE (the emulated board's camera, played through"
                    + " GStreamer), or v4l2:DEVICE such as v4l2:/dev/video0.",
            false);

    public static final Setting<Duration> PROVISIONING_CAMERA_SCAN_INTERVAL = duration(
            "provisioning.cameraScanInterval",
            "250ms",
            "50ms",
            "Time between two camera frames scanned for a QR code while unprovisioned.");

    public static final Setting<Duration> PROVISIONING_POLL_MAX_INTERVAL = duration(
            "provisioning.pollMaxInterval",
            "30s",
            "100ms",
            "Longest wait between two polls of a pairing session. Polls start at the interval the cloud"
                    + " gives and back off exponentially, with full jitter, up to this.");

    public static final Setting<Duration> PROVISIONING_RETRY_INITIAL_INTERVAL = duration(
            "provisioning.retryInitialInterval",
            "2s",
            "10ms",
            "First wait before retrying an activation or pairing request that failed for a reason that"
                    + " may pass (cloud unreachable, rate limited); it doubles at each failure, with full"
                    + " jitter.");

    public static final Setting<Duration> PROVISIONING_RETRY_MAX_INTERVAL = duration(
            "provisioning.retryMaxInterval",
            "60s",
            "100ms",
            "Longest wait between two retries of a failed activation or pairing request.");

    public static final Setting<URI> CLOUD_SIGNALING_URL = new Setting<>(
            "cloud.signalingUrl",
            URI.class,
            SettingType.HTTPS_URL,
            "https://127.0.0.1:443",
            "",
            "",
            "Base URL of the signaling service (R2, R3): the media node list and discovery reports"
                    + " are under it, and before provisioning the activation service too. The default is the"
                    + " cloud emulator on loopback; provisioning sets the organization's.",
            false);

    public static final Setting<URI> CLOUD_CONTENT_URL = new Setting<>(
            "cloud.contentUrl",
            URI.class,
            SettingType.HTTPS_URL,
            "https://127.0.0.1:443/content",
            "",
            "",
            "Base URL of file and content storage (R3). Provisioning sets the organization's; an"
                    + " administrator may override it. Listed by room-agent urls for the firewall.",
            false);

    public static final Setting<URI> CLOUD_UPGRADE_URL = new Setting<>(
            "cloud.upgradeUrl",
            URI.class,
            SettingType.HTTPS_URL,
            "https://127.0.0.1:443/upgrades",
            "",
            "",
            "Base URL of software upgrades (R3, R19), usually a CDN: the signed manifest is"
                    + " <url>/v1/manifest. Provisioning sets the organization's; an administrator may"
                    + " override it. See docs/cloud-services.md.",
            false);

    public static final Setting<URI> CLOUD_METRICS_URL = new Setting<>(
            "cloud.metricsUrl",
            URI.class,
            SettingType.HTTPS_URL,
            "https://127.0.0.1:443/metrics",
            "",
            "",
            "Base URL of metrics and analytics (R3, R20): batches go to <url>/v1/batches."
                    + " Provisioning sets the organization's; an administrator may override it.",
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

    public static final Setting<Duration> CLOUD_RECONNECT_MIN_DELAY = duration(
            "cloud.reconnectMinDelay",
            "1s",
            "10ms",
            "Ceiling of the first wait before registering or reconnecting the event channel again after a"
                    + " failure (docs/signaling.md). Each further failure doubles the ceiling up to"
                    + " cloud.reconnectMaxDelay; the wait is drawn at random below it (full jitter).");

    public static final Setting<Duration> CLOUD_RECONNECT_MAX_DELAY = duration(
            "cloud.reconnectMaxDelay",
            "60s",
            "10ms",
            "Largest ceiling of the wait between two registration or event channel attempts.");

    public static final Setting<Duration> CLOUD_HEARTBEAT_INTERVAL = duration(
            "cloud.heartbeatInterval",
            "20s",
            "100ms",
            "Time between two heartbeats (ping) on the event channel; the cloud closes a channel silent"
                    + " for three intervals.");

    public static final Setting<Duration> CLOUD_HEARTBEAT_TIMEOUT = duration(
            "cloud.heartbeatTimeout",
            "10s",
            "100ms",
            "Time the cloud has to answer a heartbeat before the agent declares the event channel dead"
                    + " and reconnects: a dead channel is noticed within cloud.heartbeatInterval plus this.");

    public static final Setting<String> NETWORK_HTTP_PROXY = new Setting<>(
            "network.httpProxy",
            String.class,
            SettingType.HOST_PORT,
            "",
            "",
            "",
            "The explicit HTTP proxy (R4) for all of the agent's HTTPS traffic to the cloud (activation,"
                    + " the node list, reports), as host:port; the agent tunnels through it with HTTP"
                    + " CONNECT. Empty means no proxy. Media and STUN never use it (R5). See docs/proxy.md.",
            false);

    public static final Setting<String> NETWORK_HTTP_PROXY_USER = text(
            "network.httpProxyUser",
            "",
            "User name for the HTTP proxy's Basic authentication; empty means the agent sends no"
                    + " credentials. Only Basic is supported (docs/proxy.md).");

    public static final Setting<String> NETWORK_HTTP_PROXY_PASSWORD = new Setting<>(
            "network.httpProxyPassword",
            String.class,
            SettingType.TEXT,
            "",
            "",
            "",
            "Password for the HTTP proxy's Basic authentication, with network.httpProxyUser. Secret:"
                    + " never shown in logs, errors or room-agent config. Keep it in agent.properties"
                    + " (mode 0600) rather than on a command line.",
            true);

    public static final Setting<String> NETWORK_PROXY_MODE = new Setting<>(
            "network.proxyMode",
            String.class,
            SettingType.PROXY_MODE,
            "explicit",
            "",
            "",
            "How the agent finds its HTTP proxy for HTTPS and WebSocket traffic to the cloud (R4):"
                    + " none (always direct), explicit (network.httpProxy, or direct when it is empty), pac"
                    + " (the PAC file at network.pacUrl decides per request) or auto (WPAD: the PAC file's URL"
                    + " from DHCP option 252 or http://wpad.<search domain>/wpad.dat). With pac and auto,"
                    + " network.httpProxyUser and network.httpProxyPassword answer the chosen proxies' Basic"
                    + " challenges. Media and STUN never use a proxy (R5). See docs/proxy.md.",
            false);

    public static final Setting<String> NETWORK_PAC_URL = new Setting<>(
            "network.pacUrl",
            String.class,
            SettingType.WEB_URL,
            "",
            "",
            "",
            "The PAC file's URL for network.proxyMode=pac, fetched directly (never through a proxy).",
            false);

    public static final Setting<Duration> NETWORK_PAC_REFRESH_INTERVAL = duration(
            "network.pacRefreshInterval",
            "30m",
            "1s",
            "How long a fetched PAC file is used before the agent fetches it again; a network change"
                    + " fetches it again at once. A failed fetch is retried after 30 s.");

    public static final Setting<Duration> NETWORK_PAC_TIME_LIMIT = duration(
            "network.pacTimeLimit",
            "2s",
            "10ms",
            "The longest the PAC file's JavaScript may run for one request (its name lookups"
                    + " included); a script that runs longer is stopped and the request goes direct.");

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

    public static final Setting<VideoSourceMode> MEDIA_VIDEO_SOURCE = new Setting<>(
            "media.videoSource",
            VideoSourceMode.class,
            SettingType.VIDEO_SOURCE,
            "auto",
            "",
            "",
            "Where a call's video comes from (docs/av-pipeline.md, \"In the agent\"): camera, the camera"
                    + " the hardware layer selected for the board (v4l2src on its device node; black while"
                    + " there is none); test-pattern, GStreamer's test pattern standing in for the camera;"
                    + " auto, test-pattern on the emulated board and camera on every other. Either way a"
                    + " closed privacy shutter or an unplugged camera stops video.",
            false);

    public static final Setting<Duration> MEDIA_RACE_STAGGER = duration(
            "media.raceStagger",
            "200ms",
            "10ms",
            "How long after starting one media candidate the transport race starts the next, unless the"
                    + " first fails sooner (RFC 8305 section 5's connection attempt delay; docs/media-path.md).");

    public static final Setting<Duration> MEDIA_GRACE_WINDOW = duration(
            "media.graceWindow",
            "250ms",
            "0ms",
            "After the first candidate answers, how long a more preferred one still running may take to"
                    + " answer and win instead (so UDP wins over TCP when both work, R21).");

    public static final Setting<Duration> MEDIA_ATTEMPT_TIMEOUT = duration(
            "media.attemptTimeout",
            "4s",
            "100ms",
            "The longest one race attempt (open the channel, TCP connect, TLS handshake, STUN check) may"
                    + " take before it counts as failed.");

    public static final Setting<Duration> MEDIA_RACE_TIMEOUT = duration(
            "media.raceTimeout",
            "10s",
            "100ms",
            "Deadline of a whole transport race; with no candidate answering by then the call has no media"
                    + " path and the error lists every candidate's failure.");

    public static final Setting<Duration> MEDIA_KEEPALIVE_INTERVAL = duration(
            "media.keepaliveInterval",
            "2500ms",
            "100ms",
            "How often a STUN Binding request goes out on the media path: refreshes NAT and firewall"
                    + " pinholes and proves consent (RFC 7675).");

    public static final Setting<Duration> MEDIA_CONSENT_TIMEOUT = duration(
            "media.consentTimeout",
            "10s",
            "200ms",
            "How long without any answer to the keepalives before the media path counts as lost and the"
                    + " agent fails over; must exceed media.keepaliveInterval.");

    public static final Setting<Duration> MEDIA_MEDIA_TIMEOUT = duration(
            "media.mediaTimeout",
            "5s",
            "100ms",
            "How long without any inbound DTLS or SRTP packet, once the far end's media has flowed on the"
                    + " path, before the path counts as lost and the agent fails over.");

    public static final Setting<Duration> MEDIA_DTLS_HANDSHAKE_TIMEOUT = duration(
            "media.dtlsHandshakeTimeout",
            "5s",
            "100ms",
            "The longest the DTLS-SRTP handshake with the media node may take on a path that answered STUN"
                    + " (its retransmissions included).");

    public static final Setting<Duration> MEDIA_RETRY_MIN_DELAY = duration(
            "media.retryMinDelay",
            "1s",
            "10ms",
            "Ceiling of the first wait before an unavailable media path (every candidate failed, or"
                    + " failover found none) races the node's candidates again; each further failed attempt"
                    + " doubles the ceiling up to media.retryMaxDelay, with full jitter. Retries go on until"
                    + " the meeting is left (docs/media-path.md).");

    public static final Setting<Duration> MEDIA_RETRY_MAX_DELAY = duration(
            "media.retryMaxDelay",
            "30s",
            "10ms",
            "Largest ceiling of the wait between two attempts of an unavailable media path.");

    public static final Setting<Path> UPGRADE_SIGNING_KEY = new Setting<>(
            "upgrade.signingKey",
            Path.class,
            SettingType.FILE,
            "",
            "",
            "",
            "PEM file with the organization's Ed25519 upgrade-signing public key, pinned on the device:"
                    + " a manifest not signed by it is refused (R19). Empty means the agent never checks for"
                    + " upgrades. The cloud emulator's is upgrade-signing-public.pem in its state directory.",
            false);

    public static final Setting<Duration> UPGRADE_CHECK_INTERVAL = duration(
            "upgrade.checkInterval",
            "6h",
            "1m",
            "Time between two checks of the upgrade URL for a newer image; room-agent upgrade check"
                    + " checks at once.");

    public static final Setting<String> UPGRADE_INSTALL_COMMAND = text(
            "upgrade.installCommand",
            "",
            "The installer hook: a command (split on spaces) run with the path of a verified image as its"
                    + " last argument and ROOM_AGENT_UPGRADE_VERSION set; exit status 0 means installed."
                    + " Empty means images are downloaded and verified but not installed. The emulated board"
                    + " uses scripts/emulated-install-image.sh.");

    public static final Setting<Duration> UPGRADE_INSTALL_TIMEOUT =
            duration("upgrade.installTimeout", "10m", "1s", "Time the installer hook may run before it is killed.");

    public static final Setting<Integer> UPGRADE_MAX_IMAGE_MEGABYTES = new Setting<>(
            "upgrade.maxImageMegabytes",
            Integer.class,
            SettingType.WHOLE_NUMBER,
            "1024",
            "1",
            "16384",
            "Largest image the agent downloads, in MiB; a manifest announcing more is refused, and a"
                    + " download is cut off there.",
            false);

    public static final Setting<Duration> UPGRADE_DOWNLOAD_TIMEOUT =
            duration("upgrade.downloadTimeout", "30m", "1s", "Time allowed for downloading one image.");

    public static final Setting<Integer> METRICS_BATCH_MAX_RECORDS = new Setting<>(
            "metrics.batchMaxRecords",
            Integer.class,
            SettingType.WHOLE_NUMBER,
            "200",
            "1",
            "5000",
            "A metrics batch is closed and queued for upload when it holds this many records.",
            false);

    public static final Setting<Duration> METRICS_BATCH_MAX_AGE = duration(
            "metrics.batchMaxAge",
            "60s",
            "1s",
            "A metrics batch is closed and queued for upload at the latest this long after its first record.");

    public static final Setting<Integer> METRICS_SPOOL_MAX_BATCHES = number(
            "metrics.spoolMaxBatches",
            "500",
            "1",
            "Most unsent batches kept (in memory and in <state dir>/metrics-spool); beyond it the oldest"
                    + " are dropped, with a log line counting them.");

    public static final Setting<Integer> METRICS_SPOOL_MAX_KILOBYTES = number(
            "metrics.spoolMaxKilobytes",
            "4096",
            "1",
            "Most bytes of unsent batches kept, in KiB; beyond it the oldest batches are dropped.");

    public static final Setting<Duration> METRICS_RETRY_INITIAL_INTERVAL = duration(
            "metrics.retryInitialInterval",
            "5s",
            "10ms",
            "First wait before retrying a failed metrics upload; it doubles at each failure, with full jitter.");

    public static final Setting<Duration> METRICS_RETRY_MAX_INTERVAL = duration(
            "metrics.retryMaxInterval", "5m", "100ms", "Longest wait between two retries of a metrics upload.");

    /** Every setting, in the order of the documentation. */
    public static final List<Setting<?>> ALL = List.of(
            DEVICE_ID,
            DEVICE_MODEL,
            DEVICE_SERIAL_NUMBER,
            CLOUD_SIGNALING_URL,
            CLOUD_CONTENT_URL,
            CLOUD_UPGRADE_URL,
            CLOUD_METRICS_URL,
            CLOUD_TRUST_ANCHORS,
            CLOUD_CONNECT_TIMEOUT,
            CLOUD_REQUEST_TIMEOUT,
            CLOUD_RECONNECT_MIN_DELAY,
            CLOUD_RECONNECT_MAX_DELAY,
            CLOUD_HEARTBEAT_INTERVAL,
            CLOUD_HEARTBEAT_TIMEOUT,
            NETWORK_HTTP_PROXY,
            NETWORK_HTTP_PROXY_USER,
            NETWORK_HTTP_PROXY_PASSWORD,
            NETWORK_PROXY_MODE,
            NETWORK_PAC_URL,
            NETWORK_PAC_REFRESH_INTERVAL,
            NETWORK_PAC_TIME_LIMIT,
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
            DISCOVERY_FAILURE_RETRY_DELAY,
            CONTROL_SOCKET_PATH,
            HAL_BOARD,
            PROVISIONING_CAMERA,
            PROVISIONING_CAMERA_SCAN_INTERVAL,
            PROVISIONING_POLL_MAX_INTERVAL,
            PROVISIONING_RETRY_INITIAL_INTERVAL,
            PROVISIONING_RETRY_MAX_INTERVAL,
            MEDIA_VIDEO_SOURCE,
            MEDIA_RACE_STAGGER,
            MEDIA_GRACE_WINDOW,
            MEDIA_ATTEMPT_TIMEOUT,
            MEDIA_RACE_TIMEOUT,
            MEDIA_KEEPALIVE_INTERVAL,
            MEDIA_CONSENT_TIMEOUT,
            MEDIA_MEDIA_TIMEOUT,
            MEDIA_DTLS_HANDSHAKE_TIMEOUT,
            MEDIA_RETRY_MIN_DELAY,
            MEDIA_RETRY_MAX_DELAY,
            UPGRADE_SIGNING_KEY,
            UPGRADE_CHECK_INTERVAL,
            UPGRADE_INSTALL_COMMAND,
            UPGRADE_INSTALL_TIMEOUT,
            UPGRADE_MAX_IMAGE_MEGABYTES,
            UPGRADE_DOWNLOAD_TIMEOUT,
            METRICS_BATCH_MAX_RECORDS,
            METRICS_BATCH_MAX_AGE,
            METRICS_SPOOL_MAX_BATCHES,
            METRICS_SPOOL_MAX_KILOBYTES,
            METRICS_RETRY_INITIAL_INTERVAL,
            METRICS_RETRY_MAX_INTERVAL);

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
