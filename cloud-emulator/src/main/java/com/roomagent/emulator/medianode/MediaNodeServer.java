package com.roomagent.emulator.medianode;

import com.roomagent.emulator.config.IpLiteral;
import com.roomagent.emulator.config.NodeConfig;
import com.roomagent.emulator.config.TransportMode;
import com.roomagent.protocol.discovery.MediaNode;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.transport.MediaCandidate;
import com.roomagent.transport.stun.ShortTermCredentials;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.ServerSocketFactory;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One emulated media node: a listener per offered transport, behaving as its {@link TransportMode}
 * says (docs/cloud-emulator.md, "Media node behaviour"). It owns its listeners and closes them.
 */
public final class MediaNodeServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MediaNodeServer.class);

    private final MediaNode advertised;
    private final List<TransportListener> listeners;
    private final NodeMedia media;

    private MediaNodeServer(MediaNode advertised, List<TransportListener> listeners, NodeMedia media) {
        this.advertised = advertised;
        this.listeners = List.copyOf(listeners);
        this.media = media;
    }

    /**
     * Admits a participant to a meeting on this node: its STUN checks with {@code credentials} are
     * answered and bind its flows, which then key with DTLS and are relayed to the meeting's other
     * participants. Admitting the same username again replaces its admission.
     *
     * @return what signaling sends the device: fingerprint, credentials, candidates
     */
    public MediaAdmission admit(String meetingId, String participantId, ShortTermCredentials credentials) {
        return media.admit(meetingId, participantId, credentials);
    }

    /** Ends a participant's admission, relay keys and flow (the participant left the meeting). */
    public void dismiss(String meetingId, String participantId) {
        media.dismiss(meetingId, participantId);
    }

    /**
     * Test hook: cuts (or restores) a transport mid-meeting. While cut, everything that arrives on it
     * is dropped and nothing is sent on it, for every flow, as a firewall that starts dropping would.
     */
    public void cut(MediaTransport transport, boolean on) {
        media.cut(transport, on);
    }

    /** This node's DTLS certificate fingerprint, RFC 8122 form ({@code "sha-256 AB:..."}). */
    public String fingerprint() {
        return media.fingerprint();
    }

    /**
     * Binds every transport of {@code config} that is not {@code closed}, and starts serving.
     *
     * @param config a validated node configuration (its host is an IP literal)
     * @param tls the server context for the TLS port: issued by the emulator's CA in serve mode, by
     *     an untrusted CA in bad-certificate mode; empty when the node has no TLS port to serve
     * @param replies the emulator's single-threaded scheduler for delayed answers (owned by the caller)
     * @throws ListenerBindException when a port cannot be bound; listeners already bound are closed
     */
    public static MediaNodeServer start(
            NodeConfig config, Optional<SSLContext> tls, ScheduledExecutorService replies, StreamLimits limits)
            throws ListenerBindException {
        NodeMedia media = new NodeMedia(config.id(), Clock.systemUTC());
        NodeContext node = new NodeContext(config.id(), config.delay(), replies, media);
        InetAddress host = addressOf(config);
        List<TransportListener> listeners = new ArrayList<>();
        Map<MediaTransport, Integer> boundPorts = new EnumMap<>(MediaTransport.class);
        try {
            for (Map.Entry<MediaTransport, Integer> entry : config.ports().entrySet()) {
                MediaTransport transport = entry.getKey();
                TransportMode mode = config.mode(transport);
                InetSocketAddress address = new InetSocketAddress(host, entry.getValue());
                int port;
                if (mode == TransportMode.CLOSED) {
                    port = entry.getValue() != 0 ? entry.getValue() : unusedPort(node, transport, host);
                } else {
                    TransportListener listener = open(node, transport, mode, address, tls, limits);
                    listeners.add(listener);
                    port = listener.address().getPort();
                }
                boundPorts.put(transport, port);
                log.info(
                        "node.transport node={} kind={} transport={} address={}:{} mode={} bound={} delayMillis={}",
                        config.id(),
                        config.kind().id(),
                        transport.id(),
                        host.getHostAddress(),
                        port,
                        mode.id(),
                        mode != TransportMode.CLOSED,
                        config.delay().toMillis());
            }
        } catch (ListenerBindException e) {
            listeners.forEach(TransportListener::close);
            media.close();
            throw e;
        }
        MediaNode advertised = new MediaNode(config.id(), config.kind(), config.region(), config.host(), boundPorts);
        List<MediaCandidate> candidates = new ArrayList<>();
        boundPorts.forEach((transport, port) -> {
            if (config.mode(transport) != TransportMode.CLOSED) {
                candidates.add(new MediaCandidate(config.id(), config.host(), transport, port));
            }
        });
        media.candidates(candidates);
        return new MediaNodeServer(advertised, listeners, media);
    }

    /** The node as the node list shows it, with the ports actually bound. */
    public MediaNode advertised() {
        return advertised;
    }

    @Override
    public void close() {
        listeners.forEach(TransportListener::close);
        media.close();
        log.info("node.stopped node={}", advertised.id());
    }

    private static TransportListener open(
            NodeContext node,
            MediaTransport transport,
            TransportMode mode,
            InetSocketAddress address,
            Optional<SSLContext> tls,
            StreamLimits limits)
            throws ListenerBindException {
        boolean drop = mode == TransportMode.DROP;
        switch (transport.protocol()) {
            case UDP:
                return UdpListener.open(node, transport, address, !drop);
            case TCP:
                return StreamListener.open(
                        node, transport, address, ServerSocketFactory.getDefault(), kind(drop), limits);
            case TLS:
                // In drop mode nothing is answered, not even the TLS handshake: a plain socket suffices.
                ServerSocketFactory factory = drop
                        ? ServerSocketFactory.getDefault()
                        : tls.orElseThrow(() -> new IllegalStateException(
                                        "node " + node.nodeId() + " serves TLS but was given no TLS context"))
                                .getServerSocketFactory();
                return StreamListener.open(node, transport, address, factory, kind(drop), limits);
            default:
                throw new IllegalStateException("unknown protocol " + transport.protocol());
        }
    }

    private static StreamConnection.Kind kind(boolean drop) {
        return drop ? StreamConnection.Kind.DROP : StreamConnection.Kind.SERVE;
    }

    /**
     * A port nothing listens on, for a closed transport configured with port 0: bound to learn a free
     * port, then released at once. Another process could take it later; on loopback in tests that
     * is rare enough, and a fixed port in the configuration avoids it entirely.
     */
    private static int unusedPort(NodeContext node, MediaTransport transport, InetAddress host)
            throws ListenerBindException {
        InetSocketAddress any = new InetSocketAddress(host, 0);
        try {
            if (transport.protocol() == MediaTransport.Protocol.UDP) {
                try (DatagramSocket socket = new DatagramSocket(any)) {
                    return socket.getLocalPort();
                }
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(any);
                return socket.getLocalPort();
            }
        } catch (IOException e) {
            throw new ListenerBindException(node.nodeId(), transport, any, e);
        }
    }

    private static InetAddress addressOf(NodeConfig config) {
        // Validated as an IP literal before start, so this parses without asking DNS.
        return IpLiteral.parse(config.host())
                .orElseThrow(() -> new IllegalArgumentException(
                        "node " + config.id() + " host is not an IP literal: " + config.host()));
    }
}
