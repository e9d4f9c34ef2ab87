package com.roomagent.transport.dtls;

import com.roomagent.transport.MediaChannel;
import com.roomagent.transport.PacketKind;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.eclipse.californium.elements.RawData;
import org.eclipse.californium.elements.config.CertificateAuthenticationMode;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.AlertMessage;
import org.eclipse.californium.scandium.dtls.AlertMessage.AlertDescription;
import org.eclipse.californium.scandium.dtls.AlertMessage.AlertLevel;
import org.eclipse.californium.scandium.dtls.CertificateType;
import org.eclipse.californium.scandium.dtls.DTLSContext;
import org.eclipse.californium.scandium.dtls.ExtendedMasterSecretMode;
import org.eclipse.californium.scandium.dtls.HandshakeException;
import org.eclipse.californium.scandium.dtls.Handshaker;
import org.eclipse.californium.scandium.dtls.SessionAdapter;
import org.eclipse.californium.scandium.dtls.cipher.CipherSuite;
import org.eclipse.californium.scandium.dtls.x509.SingleCertificateProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DTLS 1.2 handshake over one {@link MediaChannel}, client (device) or server (media node),
 * that yields the call's SRTP keying material (R18; RFC 5764 section 4.2 with the exporter of
 * RFC 5705 and the label {@value DtlsSrtp#EXPORTER_LABEL}).
 *
 * <p>Inbound: whoever owns the channel's receiver passes every packet to {@link
 * #deliver(byte[])}, which takes DTLS packets (RFC 7983 first byte 20..63) and ignores the rest,
 * or {@link #attachTo(MediaChannel)} makes this handshake the channel's receiver. Outbound:
 * Scandium's record flights go to {@link MediaChannel#send(byte[])}. Retransmission of lost
 * flights is Scandium's (RFC 6347 section 4.2.4).
 *
 * <p>Lifetime: {@link #keys(Duration)} returns once the handshake is done; keep the object open
 * for the call (a server must answer a client's retransmitted final flight) and {@link #close()}
 * it when the call or the path ends. A failover runs a new handshake on the new channel and gets
 * new keys. Threads: one daemon thread named {@code dtls-<role>-<peer>}, ended by {@link
 * #close()}. The channel is not owned: closing this leaves it open.
 *
 * <pre>{@code
 * DtlsCertificate mine = DtlsCertificate.selfSigned("room-agent media", clock); // per call
 * try (DtlsSrtpHandshake dtls = DtlsSrtpHandshake.client(channel, mine, nodeFingerprint)) {
 *     demux.onDtls(dtls::deliver); // the caller's demultiplexer, or dtls.attachTo(channel)
 *     SrtpKeyingMaterial keys = dtls.keys(Duration.ofSeconds(10)); // starts, waits
 *     // keys.exported() -> av-pipeline's SrtpKeyPair.fromKeyingMaterial(..., CLIENT)
 * }
 * }</pre>
 */
public final class DtlsSrtpHandshake implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DtlsSrtpHandshake.class);

    /** Used when the channel's remote end has no usable socket address (in-memory channels). */
    private static final InetSocketAddress PLACEHOLDER_PEER =
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 5004);

    private static final InetSocketAddress PLACEHOLDER_LOCAL =
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 1);

    /** The first flight's retransmission timer, RFC 6347 section 4.2.4.1's recommended 1 s. */
    static final int INITIAL_RETRANSMISSION_TIMEOUT_MILLIS = 1000;

    /** How long {@link #close()} waits for close_notify to go out. */
    private static final Duration CLOSE_NOTIFY_WAIT = Duration.ofSeconds(1);

    /** Prefix of the connector thread's name; tests count live threads by it. */
    static final String THREAD_NAME_PREFIX = "dtls-";

    private final DtlsRole role;
    private final MediaChannel channel;
    private final InetSocketAddress peer;
    /** {@code address:port}, for logs, errors and the thread's name. */
    private final String peerName;

    private final ChannelDtlsConnector connector;
    private final ScheduledExecutorService executor;
    /** Null for a server that does not authenticate the device (then {@code expectedPeer} is null). */
    private final FingerprintVerifier verifier;

    private final CompletableFuture<SrtpKeyingMaterial> result = new CompletableFuture<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean started = new AtomicBoolean();
    /** When the first flight went out (client) or came in (server), for the duration in logs. */
    private volatile long startNanos = System.nanoTime();

    private DtlsSrtpHandshake(
            DtlsRole role, MediaChannel channel, DtlsCertificate local, CertificateFingerprint expectedPeer)
            throws IOException {
        this.role = role;
        this.channel = channel;
        this.peer = usable(channel.remoteAddress(), PLACEHOLDER_PEER);
        this.peerName = peer.getAddress().getHostAddress() + ":" + peer.getPort();
        this.verifier = expectedPeer == null ? null : new FingerprintVerifier(expectedPeer);
        InetSocketAddress localAddress = usable(channel.localAddress(), PLACEHOLDER_LOCAL);
        String threadName = THREAD_NAME_PREFIX + role.name().toLowerCase(Locale.ROOT) + "-" + peerName;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        ChannelDatagramSocket socket = null;
        try {
            socket = new ChannelDatagramSocket(channel, localAddress);
            this.connector = new ChannelDtlsConnector(config(role, local, localAddress), socket);
            connector.setExecutor(executor);
            connector.setRawDataReceiver(data -> {
                // DTLS carries no application data on a media channel; SRTP travels beside it.
            });
            connector.start();
        } catch (IOException | RuntimeException e) {
            if (socket != null) {
                socket.close();
            }
            executor.shutdownNow();
            throw e;
        }
        LOG.info(
                "event=dtls_handshake_started role={} transport={} peer={} local_fingerprint=\"{}\"",
                role,
                channel.transport(),
                peerName,
                local.fingerprint());
    }

    /**
     * Prepares the device's side, which accepts the media node only if its certificate has {@code
     * nodeFingerprint}. The ClientHello goes out on {@link #start()} (or the first {@link #keys}),
     * so the caller can route the channel's packets here first and miss no answer.
     *
     * @param local this call's certificate, normally {@link DtlsCertificate#selfSigned}
     * @param nodeFingerprint the media node's fingerprint from signaling
     * @throws IOException if Scandium's connector cannot start
     */
    public static DtlsSrtpHandshake client(
            MediaChannel channel, DtlsCertificate local, CertificateFingerprint nodeFingerprint) throws IOException {
        return new DtlsSrtpHandshake(
                DtlsRole.CLIENT,
                Objects.requireNonNull(channel, "channel"),
                local,
                Objects.requireNonNull(nodeFingerprint, "nodeFingerprint"));
    }

    /**
     * Starts the media node's side, which answers the device's ClientHello from now on. With a {@code
     * deviceFingerprint} the device must present a certificate with it (client authentication,
     * RFC 5246 section 7.4.4); with null the device is not asked for one, since signaling already
     * authenticated it.
     */
    public static DtlsSrtpHandshake server(
            MediaChannel channel, DtlsCertificate local, CertificateFingerprint deviceFingerprint) throws IOException {
        return new DtlsSrtpHandshake(
                DtlsRole.SERVER,
                Objects.requireNonNull(channel, "channel"),
                local,
                Objects.requireNonNull(deviceFingerprint, "deviceFingerprint"));
    }

    /** As {@link #server(MediaChannel, DtlsCertificate, CertificateFingerprint)}, without client authentication. */
    public static DtlsSrtpHandshake server(MediaChannel channel, DtlsCertificate local) throws IOException {
        return new DtlsSrtpHandshake(DtlsRole.SERVER, Objects.requireNonNull(channel, "channel"), local, null);
    }

    /**
     * Makes this handshake the channel's packet receiver and closed listener, for channels that
     * carry nothing a caller must see during the handshake, then {@link #start() starts} it.
     * Callers that demultiplex the channel themselves route packets to {@link #deliver(byte[])} and
     * closes to {@link #channelClosed(IOException)} instead, then call {@link #start()}.
     *
     * @return this
     */
    public DtlsSrtpHandshake attachTo(MediaChannel source) {
        source.onPacket(this::deliver);
        source.onClosed(this::channelClosed);
        return start();
    }

    /**
     * Sends the ClientHello (client); nothing for a server, which answers. Idempotent; {@link
     * #keys} calls it. Route the channel's packets to this handshake before calling it.
     *
     * @return this
     */
    public DtlsSrtpHandshake start() {
        if (role == DtlsRole.CLIENT && !closed.get() && started.compareAndSet(false, true)) {
            startNanos = System.nanoTime();
            // Scandium starts a client handshake when the application sends to a peer it has no
            // session with; the empty application record goes out once the handshake is done,
            // which also tells the server that the client has its Finished.
            connector.send(RawData.outbound(new byte[0], new AddressEndpointContext(peer), null, false));
        }
        return this;
    }

    /**
     * Takes one packet from the channel: DTLS records (RFC 7983) go to the handshake; STUN, SRTP
     * and anything else are ignored. Safe from any thread; never blocks on the handshake.
     */
    public void deliver(byte[] packet) {
        if (closed.get() || PacketKind.of(packet) != PacketKind.DTLS) {
            return;
        }
        if (role == DtlsRole.SERVER && started.compareAndSet(false, true)) {
            startNanos = System.nanoTime();
        }
        connector.processDatagram(new DatagramPacket(packet, packet.length, peer));
    }

    /** Tells the handshake that its channel has stopped; a pending {@link #keys} fails at once. */
    public void channelClosed(IOException cause) {
        result.completeExceptionally(new DtlsHandshakeException(
                DtlsHandshakeException.Reason.CHANNEL_CLOSED,
                "the " + channel.transport() + " media channel to " + peerName + " closed during the DTLS handshake"
                        + (cause == null ? "" : ": " + cause.getMessage()),
                cause));
    }

    /**
     * Starts the handshake if not yet started, waits for it and returns the keying material. Repeatable: later calls return the
     * same material or throw the same failure.
     *
     * @param timeout how long to wait in all, including Scandium's retransmissions
     * @throws DtlsHandshakeException with {@link DtlsHandshakeException.Reason#FINGERPRINT_MISMATCH}
     *     naming both fingerprints, {@link DtlsHandshakeException.Reason#TIMEOUT}, {@link
     *     DtlsHandshakeException.Reason#CHANNEL_CLOSED} or {@link DtlsHandshakeException.Reason#FAILED}
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public SrtpKeyingMaterial keys(Duration timeout) throws DtlsHandshakeException, InterruptedException {
        start();
        try {
            return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            DtlsHandshakeException timedOut = new DtlsHandshakeException(
                    DtlsHandshakeException.Reason.TIMEOUT,
                    "no DTLS handshake with the media node at " + peerName + " over " + channel.transport() + " within "
                            + timeout.toMillis() + " ms (" + role.name().toLowerCase(Locale.ROOT)
                            + " side); the peer did not answer: check that the node runs DTLS on this path",
                    e);
            result.completeExceptionally(timedOut);
            LOG.warn(
                    "event=dtls_handshake_timeout role={} transport={} peer={} timeout_ms={}",
                    role,
                    channel.transport(),
                    peerName,
                    timeout.toMillis());
            throw timedOut;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DtlsHandshakeException failure) {
                throw failure;
            }
            throw new DtlsHandshakeException(
                    DtlsHandshakeException.Reason.FAILED, "DTLS handshake failed: " + e.getCause(), e.getCause());
        }
    }

    /** This end's role. */
    public DtlsRole role() {
        return role;
    }

    /**
     * Sends close_notify if the handshake completed (RFC 5246 section 7.2.1), stops the connector
     * and its thread; idempotent, never throws. The channel stays open.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        result.completeExceptionally(new DtlsHandshakeException(
                DtlsHandshakeException.Reason.FAILED, "the DTLS handshake with " + peerName + " was closed locally"));
        if (!result.isCompletedExceptionally()) {
            sendCloseNotify();
        }
        connector.destroy();
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("event=dtls_thread_not_stopped role={} peer={}", role, peerName);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.debug("event=dtls_closed role={} peer={}", role, peerName);
    }

    /**
     * Queues close_notify on the connection's serial executor (which runs on our single thread),
     * then waits, bounded, for a task queued after it, so the alert is out before the connector
     * stops and its socket closes.
     */
    private void sendCloseNotify() {
        try {
            connector.close(peer);
            executor.submit(() -> {}).get(CLOSE_NOTIFY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.debug("event=dtls_close_notify_failed peer={} error=\"{}\"", peerName, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private DtlsConnectorConfig config(DtlsRole role, DtlsCertificate local, InetSocketAddress localAddress) {
        DtlsConfig.register();
        Configuration configuration = new Configuration();
        DtlsConnectorConfig.Builder builder = DtlsConnectorConfig.builder(configuration)
                .setAddress(localAddress)
                .setLoggingTag("dtls-" + role.name().toLowerCase(Locale.ROOT))
                .set(
                        DtlsConfig.DTLS_ROLE,
                        role == DtlsRole.CLIENT ? DtlsConfig.DtlsRole.CLIENT_ONLY : DtlsConfig.DtlsRole.SERVER_ONLY)
                .set(DtlsConfig.DTLS_RECEIVER_THREAD_COUNT, 0)
                .set(DtlsConfig.DTLS_CONNECTOR_THREAD_COUNT, 1)
                .set(DtlsConfig.DTLS_MAX_CONNECTIONS, 4)
                // RFC 6347 section 4.2.4.1: an initial retransmission timer of 1 s (Scandium's
                // default is 2 s), doubling on each of Scandium's retransmissions.
                .set(
                        DtlsConfig.DTLS_RETRANSMISSION_TIMEOUT,
                        INITIAL_RETRANSMISSION_TIMEOUT_MILLIS,
                        TimeUnit.MILLISECONDS)
                .set(DtlsConfig.DTLS_SUPPORT_KEY_MATERIAL_EXPORT, true)
                .set(DtlsConfig.DTLS_USE_SERVER_NAME_INDICATION, false)
                // RFC 7627 section 5.4: without the extended master secret the exporter must not
                // be used, so a peer that does not offer it gets no handshake at all.
                .set(DtlsConfig.DTLS_EXTENDED_MASTER_SECRET_MODE, ExtendedMasterSecretMode.REQUIRED)
                .set(DtlsConfig.DTLS_CIPHER_SUITES, List.of(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256))
                .setCertificateIdentityProvider(new SingleCertificateProvider(
                        local.privateKey(), new Certificate[] {local.certificate()}, CertificateType.X_509))
                .setSessionListener(new KeyExport());
        if (verifier != null) {
            // Scandium refuses a verifier a server without client authentication would not use.
            builder.setAdvancedCertificateVerifier(verifier);
        }
        if (role == DtlsRole.SERVER) {
            builder.set(
                    DtlsConfig.DTLS_CLIENT_AUTHENTICATION_MODE,
                    verifier != null ? CertificateAuthenticationMode.NEEDED : CertificateAuthenticationMode.NONE);
        }
        return builder.build();
    }

    private static InetSocketAddress usable(InetSocketAddress address, InetSocketAddress placeholder) {
        if (address == null || address.isUnresolved() || address.getPort() == 0) {
            return placeholder;
        }
        return address;
    }

    /** Exports the keys the moment the handshake's context exists, on the connector's thread. */
    private final class KeyExport extends SessionAdapter {
        @Override
        public void contextEstablished(Handshaker handshaker, DTLSContext context) throws HandshakeException {
            if (context.getSession().getSessionIdentifier().isEmpty()) {
                // Scandium 3.14 keeps the master secret only in sessions with an identifier
                // (DTLSSession.setMasterSecret), so it cannot export from a server that sends an
                // empty session_id (RFC 5246 section 7.4.1.3 allows one).
                throw new HandshakeException(
                        "the DTLS server sent an empty session_id, so no SRTP keys can be exported"
                                + " (Scandium keeps no master secret for such sessions); configure the media"
                                + " node's DTLS server to issue session IDs",
                        new AlertMessage(AlertLevel.FATAL, AlertDescription.INTERNAL_ERROR));
            }
            // RFC 5705 section 4 with no context value; RFC 5764 section 4.2 uses none either.
            byte[] exported = context.exportKeyMaterial(DtlsSrtp.exporterLabel(), null, SrtpKeyingMaterial.LENGTH);
            try {
                SrtpKeyingMaterial keys = SrtpKeyingMaterial.fromExported(exported);
                if (result.complete(keys)) {
                    LOG.info(
                            "event=dtls_handshake_done role={} transport={} peer={} cipher_suite={} duration_ms={}",
                            role,
                            channel.transport(),
                            peerName,
                            context.getSession().getCipherSuite().name(),
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
                    LOG.debug("event=dtls_keys role={} peer={} keys_tag={}", role, peerName, keys.tag());
                }
            } finally {
                Arrays.fill(exported, (byte) 0);
            }
        }

        @Override
        public void handshakeFailed(Handshaker handshaker, Throwable error) {
            String refusal = verifier == null ? "" : verifier.refusal();
            DtlsHandshakeException failure;
            if (!refusal.isEmpty()) {
                failure = new DtlsHandshakeException(
                        DtlsHandshakeException.Reason.FINGERPRINT_MISMATCH,
                        "refusing DTLS with " + peerName + ": " + refusal
                                + "; no SRTP keys derived. The node is not the one the cloud assigned, or"
                                + " its certificate changed: check the media node's DTLS certificate",
                        error);
            } else if (channel.isClosed()) {
                // A flight that could not be sent because the channel closed: the path failed.
                failure = new DtlsHandshakeException(
                        DtlsHandshakeException.Reason.CHANNEL_CLOSED,
                        "the " + channel.transport() + " media channel to " + peerName
                                + " closed during the DTLS handshake: " + error.getMessage(),
                        error);
            } else {
                failure = new DtlsHandshakeException(
                        DtlsHandshakeException.Reason.FAILED,
                        "DTLS handshake with " + peerName + " over " + channel.transport() + " failed: "
                                + error.getMessage(),
                        error);
            }
            if (result.completeExceptionally(failure)) {
                LOG.warn(
                        "event=dtls_handshake_failed role={} transport={} peer={} reason={} error=\"{}\"",
                        role,
                        channel.transport(),
                        peerName,
                        failure.reason(),
                        error.getMessage());
            }
        }
    }
}
