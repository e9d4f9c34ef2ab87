package com.roomagent.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.roomagent.emulator.EmulatorStartException.Failure;
import com.roomagent.emulator.ca.CertificateAuthority;
import com.roomagent.emulator.ca.CertificateAuthorityException;
import com.roomagent.emulator.config.ConfigValidator;
import com.roomagent.emulator.config.EmulatorConfig;
import com.roomagent.emulator.config.InvalidConfigException;
import com.roomagent.emulator.config.IpLiteral;
import com.roomagent.emulator.config.NodeConfig;
import com.roomagent.emulator.config.TransportMode;
import com.roomagent.emulator.medianode.ListenerBindException;
import com.roomagent.emulator.medianode.MediaNodeServer;
import com.roomagent.emulator.medianode.MediaNodes;
import com.roomagent.emulator.medianode.StreamLimits;
import com.roomagent.emulator.meeting.MeetingCoordinator;
import com.roomagent.emulator.meeting.Meetings;
import com.roomagent.emulator.metrics.MetricsStore;
import com.roomagent.emulator.provisioning.ActivatedDevice;
import com.roomagent.emulator.provisioning.AdminToken;
import com.roomagent.emulator.provisioning.Provisioning;
import com.roomagent.emulator.signaling.DiscoveryReportStore;
import com.roomagent.emulator.signaling.EventChannelServer;
import com.roomagent.emulator.signaling.Registrations;
import com.roomagent.emulator.signaling.SignalingServer;
import com.roomagent.emulator.threads.NamedThreadFactory;
import com.roomagent.emulator.upgrade.UpgradeRepository;
import com.roomagent.protocol.activation.IssuedCode;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.discovery.NodeList;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cloud emulator: a signaling HTTPS server with provisioning, and emulated media nodes, with its
 * own CA and admin token (see docs/cloud-emulator.md). Tests start one per test class or per test; the command line runs one
 * until SIGTERM.
 *
 * <p>Ownership: the emulator owns the signaling server, every media node, and the reply scheduler
 * ({@code node-replies-1}, one thread, which sends every delayed STUN answer so that a node's
 * latency never blocks the thread receiving its next request). {@link #close()} stops them all and
 * releases every port. Thread-safe.
 */
public final class CloudEmulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CloudEmulator.class);
    private static final long REPLY_STOP_WAIT_SECONDS = 2;

    private final SignalingServer signaling;
    private final EventChannelServer events;
    private final Registrations registrations;
    private final DiscoveryReportStore channelReports;
    private final URI eventChannelUri;
    private final List<MediaNodeServer> nodes;
    private final ScheduledThreadPoolExecutor replies;
    private final DiscoveryReportStore reports;
    private final NodeList nodeList;
    private final URI signalingUri;
    private final Path caCertificate;
    private final Provisioning provisioning;
    private final Path adminTokenFile;
    private final CloudServices services;
    private final MeetingCoordinator meetings;
    private final AtomicBoolean closed = new AtomicBoolean();

    private CloudEmulator(
            SignalingServer signaling,
            EventChannelServer events,
            Registrations registrations,
            DiscoveryReportStore channelReports,
            List<MediaNodeServer> nodes,
            ScheduledThreadPoolExecutor replies,
            DiscoveryReportStore reports,
            NodeList nodeList,
            Path caCertificate,
            Provisioning provisioning,
            Path adminTokenFile,
            CloudServices services,
            MeetingCoordinator meetings) {
        this.services = services;
        this.meetings = meetings;
        this.signaling = signaling;
        this.events = events;
        this.registrations = registrations;
        this.channelReports = channelReports;
        this.eventChannelUri = wssUri(events.address());
        this.nodes = List.copyOf(nodes);
        this.replies = replies;
        this.reports = reports;
        this.nodeList = nodeList;
        this.caCertificate = caCertificate;
        this.provisioning = provisioning;
        this.adminTokenFile = adminTokenFile;
        this.signalingUri = httpsUri(signaling.address());
    }

    /** {@link #start(EmulatorConfig, Path, Clock)} with the system clock. */
    public static CloudEmulator start(EmulatorConfig config, Path stateDir) throws EmulatorStartException {
        return start(config, stateDir, Clock.systemUTC());
    }

    /**
     * Validates {@code config}, loads or creates the CA in {@code stateDir}, binds every listener,
     * and returns once all of them accept traffic.
     *
     * @param clock the time certificates are issued at, and by which activation codes and pairings
     *     expire and the activation rate limit refills
     * @throws EmulatorStartException when the configuration is invalid, the state directory or CA
     *     is unusable, or a port cannot be bound; whatever was already started is closed
     */
    public static CloudEmulator start(EmulatorConfig config, Path stateDir, Clock clock) throws EmulatorStartException {
        try {
            ConfigValidator.validate(config);
        } catch (InvalidConfigException e) {
            throw new EmulatorStartException(Failure.INVALID_CONFIGURATION, e.getMessage(), e);
        }
        Path state = stateDir.toAbsolutePath();
        CertificateAuthority ca = loadCa(state, clock);
        AdminToken adminToken = loadAdminToken(state);
        ScheduledThreadPoolExecutor replies =
                new ScheduledThreadPoolExecutor(1, new NamedThreadFactory("node-replies"));
        replies.setRemoveOnCancelPolicy(true);
        replies.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        List<MediaNodeServer> nodes = new ArrayList<>();
        try {
            Optional<CertificateAuthority> untrusted = Optional.empty();
            for (NodeConfig node : config.nodes()) {
                if (node.ports().containsKey(MediaTransport.TLS)
                        && node.mode(MediaTransport.TLS) == TransportMode.BAD_CERTIFICATE
                        && untrusted.isEmpty()) {
                    untrusted = Optional.of(CertificateAuthority.untrusted(clock));
                }
                Optional<SSLContext> tls = nodeTls(node, ca, untrusted);
                nodes.add(MediaNodeServer.start(node, tls, replies, StreamLimits.DEFAULT));
            }
            NodeList nodeList =
                    new NodeList(nodes.stream().map(MediaNodeServer::advertised).toList());
            DiscoveryReportStore reports =
                    new DiscoveryReportStore(config.signaling().reportHistoryPerDevice());
            String host = config.signaling().host();
            InetSocketAddress address =
                    new InetSocketAddress(addressOf(host), config.signaling().port());
            SSLContext signalingTls =
                    ca.issueServer("signaling", signalingNames(host)).sslContextVerifyingClients(ca.certificate());
            String eventHost = config.signaling().eventChannelHost();
            InetSocketAddress eventAddress = new InetSocketAddress(
                    addressOf(eventHost), config.signaling().eventChannelPort());
            SSLContext eventTls = ca.issueServer("signaling events", signalingNames(eventHost))
                    .sslContextVerifyingClients(ca.certificate());
            Registrations registrations = new Registrations();
            DiscoveryReportStore channelReports =
                    new DiscoveryReportStore(config.signaling().reportHistoryPerDevice());
            MeetingCoordinator meetings = new MeetingCoordinator(
                    new Meetings(nodeList, channelReports), new MediaNodes(nodes), registrations, channelReports);
            EventChannelServer events;
            try {
                events = EventChannelServer.start(eventAddress, eventTls, registrations, channelReports, meetings);
            } catch (IOException e) {
                throw BindFailures.describe("signaling event channel", eventAddress, e, config.source());
            }
            SignalingServer signaling;
            try {
                signaling = SignalingServer.bind(address, signalingTls);
            } catch (IOException e) {
                events.close();
                throw BindFailures.describe("signaling", address, e, config.source());
            }
            Provisioning provisioning;
            CloudServices services;
            try {
                provisioning = new Provisioning(
                        ca,
                        adminToken,
                        config.organization(),
                        httpsUri(signaling.address()),
                        config.signaling().activationRateLimit(),
                        clock);
                signaling.start(nodeList, reports, provisioning, registrations, wssUri(events.address()));
                services = CloudServices.start(signaling, httpsUri(signaling.address()), config, state, adminToken);
            } catch (IOException | RuntimeException e) {
                signaling.close();
                events.close();
                throw new EmulatorStartException(Failure.LISTEN_FAILED, "cannot start the signaling server: " + e, e);
            }
            CloudEmulator emulator = new CloudEmulator(
                    signaling,
                    events,
                    registrations,
                    channelReports,
                    nodes,
                    replies,
                    reports,
                    nodeList,
                    ca.certificateFile().orElseThrow(),
                    provisioning,
                    state.resolve(AdminToken.FILE),
                    services,
                    meetings);
            log.info(
                    "emulator.started signalingUri={} eventChannelUri={} caCertificate={} nodes={} source=\"{}\"",
                    emulator.signalingUri,
                    emulator.eventChannelUri,
                    emulator.caCertificate,
                    nodes.size(),
                    config.source());
            return emulator;
        } catch (ListenerBindException e) {
            stopAll(nodes, replies);
            IOException cause = e.getCause() instanceof IOException ? (IOException) e.getCause() : e;
            throw BindFailures.describe(
                    "node " + e.nodeId() + " " + e.transport().id(), e.address(), cause, config.source());
        } catch (GeneralSecurityException e) {
            stopAll(nodes, replies);
            throw new EmulatorStartException(
                    Failure.TLS_SETUP, "cannot create server certificates or TLS contexts: " + e, e);
        } catch (EmulatorStartException | RuntimeException e) {
            stopAll(nodes, replies);
            throw e;
        }
    }

    /** The signaling server's base URI, without a path, for example {@code https://127.0.0.1:443}. */
    public URI signalingUri() {
        return signalingUri;
    }

    /**
     * The event channel's URL, {@code wss://host:port/v1/devices/events}, as registration answers
     * name it (docs/signaling.md).
     */
    public URI eventChannelUri() {
        return eventChannelUri;
    }

    /** The devices registered for signaling, their held events and channels (docs/signaling.md). */
    public Registrations registrations() {
        return registrations;
    }

    /**
     * Sends event {@code type} with {@code body} to {@code deviceId} over its event channel, at once
     * when it is connected, at its next resume otherwise.
     *
     * @return the event's sequence number
     * @throws IllegalStateException when the device is not registered
     */
    public long sendEvent(String deviceId, String type, JsonNode body) {
        return registrations.push(deviceId, type, body);
    }

    /**
     * The discovery reports devices sent over their event channels ({@code discovery.report}),
     * apart from those posted over HTTP ({@link #reports()}).
     */
    public DiscoveryReportStore receivedDiscoveryReports() {
        return channelReports;
    }

    /** The CA certificate (PEM) that devices must trust; it names every server of this emulator. */
    public Path caCertificate() {
        return caCertificate;
    }

    /** The node list as {@code GET /v1/media-nodes} serves it, with the ports actually bound. */
    public NodeList nodeList() {
        return nodeList;
    }

    /**
     * The media nodes' meeting API: admit participants to meetings, cut transports (test hook);
     * docs/cloud-emulator.md, "Media node flows and meetings".
     */
    public MediaNodes mediaNodes() {
        return new MediaNodes(nodes);
    }

    /**
     * Meetings over the event channel: who is in which, the node they share, the failovers devices
     * reported (docs/signaling.md, "Meetings").
     */
    public MeetingCoordinator meetings() {
        return meetings;
    }

    /** The discovery reports received so far. */
    public DiscoveryReportStore reports() {
        return reports;
    }

    /**
     * Activation codes, pairings and enrolled devices (docs/cloud-emulator.md, "Provisioning"); the
     * methods below are shortcuts to it.
     */
    public Provisioning provisioning() {
        return provisioning;
    }

    /**
     * Issues a single-use activation code, as {@code POST /v1/admin/activation-codes} does.
     *
     * @throws IllegalArgumentException for an organization id that is not 1 to 64 letters, digits or
     *     {@code ._~-}, or a validity that is not positive or exceeds 365 days
     */
    public IssuedCode issueCode(String organizationId, Duration validFor) {
        return provisioning.issueCode(organizationId, validFor);
    }

    /**
     * Approves the pending pairing shown as {@code shortCode}, in the default organization.
     *
     * @return false when no pairing with that code is pending
     */
    public boolean approvePairing(String shortCode) {
        return provisioning.approvePairing(shortCode);
    }

    /** Every device enrolled since start, by activation code or pairing, in order. */
    public List<ActivatedDevice> activatedDevices() {
        return provisioning.activatedDevices();
    }

    /**
     * The upgrade service's content (R19): publish an image, and the test hooks that tamper with
     * it (docs/cloud-emulator.md, "Software upgrades").
     */
    public UpgradeRepository upgrades() {
        return services.upgrades();
    }

    /** The upgrade-signing public key (PEM) that devices pin as {@code upgrade.signingKey}. */
    public Path upgradeSigningKey() {
        return services.upgrades().signingKey().publicKeyFile();
    }

    /** The metrics received (R20), and the switch that makes the metrics service unavailable. */
    public MetricsStore metrics() {
        return services.metrics();
    }

    /** The administrator's bearer token, also in {@link #adminTokenFile()}; never log it. */
    public String adminToken() {
        return provisioning.adminToken().value();
    }

    /** {@code <stateDir>/admin-token}, owner-only. */
    public Path adminTokenFile() {
        return adminTokenFile;
    }

    /** Stops the signaling server and every node, releasing all ports. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        signaling.close();
        events.close();
        stopAll(nodes, replies);
        log.info("emulator.stopped signalingUri={}", signalingUri);
    }

    private static void stopAll(List<MediaNodeServer> nodes, ScheduledThreadPoolExecutor replies) {
        nodes.forEach(MediaNodeServer::close);
        replies.shutdownNow();
        try {
            if (!replies.awaitTermination(REPLY_STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("emulator.stop_slow thread=node-replies waitedSeconds={}", REPLY_STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static CertificateAuthority loadCa(Path state, Clock clock) throws EmulatorStartException {
        try {
            Files.createDirectories(state);
            return CertificateAuthority.loadOrCreate(state, clock);
        } catch (IOException e) {
            throw new EmulatorStartException(
                    Failure.STATE_DIRECTORY,
                    state + ": cannot create the state directory: " + e + "; choose another with --state-dir",
                    e);
        } catch (CertificateAuthorityException e) {
            throw new EmulatorStartException(Failure.STATE_DIRECTORY, e.getMessage(), e);
        }
    }

    private static AdminToken loadAdminToken(Path state) throws EmulatorStartException {
        try {
            return AdminToken.loadOrCreate(state);
        } catch (IOException e) {
            throw new EmulatorStartException(
                    Failure.STATE_DIRECTORY,
                    "cannot use the admin token in " + state + ": " + e.getMessage()
                            + "; make the state directory writable or choose another with --state-dir",
                    e);
        }
    }

    private static Optional<SSLContext> nodeTls(
            NodeConfig node, CertificateAuthority ca, Optional<CertificateAuthority> untrusted)
            throws GeneralSecurityException {
        if (!node.ports().containsKey(MediaTransport.TLS)) {
            return Optional.empty();
        }
        TransportMode mode = node.mode(MediaTransport.TLS);
        if (mode == TransportMode.CLOSED || mode == TransportMode.DROP) {
            return Optional.empty();
        }
        CertificateAuthority issuer = mode == TransportMode.BAD_CERTIFICATE ? untrusted.orElseThrow() : ca;
        return Optional.of(issuer.issueServer("media node " + node.id(), List.of(node.host()))
                .sslContext());
    }

    /** The signaling host, and when it is loopback every loopback name a client might use. */
    private static Set<String> signalingNames(String host) {
        Set<String> names = new LinkedHashSet<>();
        names.add(host);
        if (addressOf(host).isLoopbackAddress()) {
            names.addAll(List.of("localhost", "127.0.0.1", "::1"));
        }
        return names;
    }

    private static InetAddress addressOf(String host) {
        // Validated before start: an IP literal, so no DNS lookup happens here.
        return IpLiteral.parse(host).orElseThrow(() -> new IllegalArgumentException("not an IP literal: " + host));
    }

    private static URI wssUri(InetSocketAddress address) {
        try {
            return new URI(
                    "wss",
                    null,
                    address.getAddress().getHostAddress(),
                    address.getPort(),
                    EventChannelServer.PATH,
                    null,
                    null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("a bound address always makes a URI: " + address, e);
        }
    }

    private static URI httpsUri(InetSocketAddress address) {
        try {
            return new URI("https", null, address.getAddress().getHostAddress(), address.getPort(), null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("a bound address always makes a URI: " + address, e);
        }
    }
}
