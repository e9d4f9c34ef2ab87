package com.roomagent.emulator.signaling;

import com.roomagent.emulator.logging.LogFormat;
import com.roomagent.emulator.metrics.MetricsStore;
import com.roomagent.emulator.provisioning.AdminToken;
import com.roomagent.emulator.provisioning.Provisioning;
import com.roomagent.emulator.threads.NamedThreadFactory;
import com.roomagent.emulator.upgrade.UpgradeRepository;
import com.roomagent.protocol.discovery.DiscoveryJson;
import com.roomagent.protocol.discovery.NodeList;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signaling HTTPS server: the JDK's {@link HttpsServer} with the API of {@link
 * SignalingRoutes}. It owns the server socket and its executor and closes both.
 *
 * <p>Started in two steps, {@link #bind} then {@link #start}, because what it serves (the
 * organization's URLs, the pairing pages) names its own address, whose port may be ephemeral.
 *
 * <p>Threads: the JDK's dispatcher thread accepts and handshakes; {@value #THREADS} threads named
 * {@code signaling-http-N} run requests. When all are busy and the queue is full, the dispatcher runs
 * the request itself, which slows accepting instead of dropping requests.
 */
public final class SignalingServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SignalingServer.class);
    private static final int THREADS = 4;
    private static final int QUEUED_REQUESTS = 256;
    private static final int BACKLOG = 64;
    private static final long STOP_WAIT_SECONDS = 5;

    private final HttpsServer server;
    private final ThreadPoolExecutor executor;
    private final InetSocketAddress address;
    private final AtomicBoolean started = new AtomicBoolean();

    private SignalingServer(HttpsServer server, ThreadPoolExecutor executor) {
        this.server = server;
        this.executor = executor;
        this.address = server.getAddress();
    }

    /**
     * Binds {@code address} (port 0 for an ephemeral port) without serving yet: connections wait in
     * the backlog until {@link #start}.
     *
     * @throws java.net.BindException when the port is taken or needs privilege
     * @throws IOException when the server cannot be created
     */
    public static SignalingServer bind(InetSocketAddress address, SSLContext tls) throws IOException {
        HttpsServer server = HttpsServer.create(address, BACKLOG);
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters parameters) {
                // Devices present their certificate to register (docs/signaling.md); activation and
                // the node list need none, so it is asked for, not required.
                SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
                ssl.setWantClientAuth(true);
                parameters.setSSLParameters(ssl);
            }
        });
        ThreadPoolExecutor executor = new ThreadPoolExecutor(
                THREADS,
                THREADS,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUED_REQUESTS),
                new NamedThreadFactory("signaling-http"),
                new ThreadPoolExecutor.CallerRunsPolicy());
        server.setExecutor(executor);
        return new SignalingServer(server, executor);
    }

    /**
     * Starts serving the node list, the discovery reports, provisioning and registration.
     *
     * @throws IOException when the node list cannot be written as JSON (a bug, not an I/O problem)
     */
    public void start(
            NodeList nodes,
            DiscoveryReportStore reports,
            Provisioning provisioning,
            Registrations registrations,
            URI eventChannelUrl)
            throws IOException {
        var mapper = DiscoveryJson.mapper();
        SignalingRoutes routes = new SignalingRoutes(
                mapper,
                nodes,
                reports,
                new ProvisioningRoutes(mapper, provisioning),
                new RegistrationRoutes(registrations, eventChannelUrl, provisioning.adminToken()));
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("the signaling server is already started");
        }
        server.createContext("/", routes);
        server.start();
        log.info("signaling.listening address={}", LogFormat.address(address));
    }

    /**
     * Serves the upgrade service under {@code upgradePath} and the metrics service under {@code
     * metricsPath} (paths of the organization's URLs, for example {@code /upgrades}), beside
     * signaling. Call after {@link #start}.
     */
    public void serveCloudServices(
            String upgradePath,
            UpgradeRepository upgrades,
            AdminToken adminToken,
            String metricsPath,
            MetricsStore metrics) {
        var mapper = DiscoveryJson.mapper();
        server.createContext(upgradePath + "/", new UpgradeRoutes(mapper, upgradePath, upgrades, adminToken));
        server.createContext(metricsPath + "/", new MetricsRoutes(mapper, metricsPath, metrics));
        log.info("signaling.cloud_services upgradePath={} metricsPath={}", upgradePath, metricsPath);
    }

    /** The bound address, with the actual port. */
    public InetSocketAddress address() {
        return address;
    }

    /** Stops accepting, drops open connections, and stops the request threads (bounded wait). */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                executor.shutdownNow();
                log.warn("signaling.stop_slow waitedSeconds={}", STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        log.info("signaling.stopped address={}", LogFormat.address(address));
    }
}
