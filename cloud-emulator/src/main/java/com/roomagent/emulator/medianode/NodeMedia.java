package com.roomagent.emulator.medianode;

import com.roomagent.emulator.logging.LogFormat;
import com.roomagent.emulator.threads.NamedThreadFactory;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.stun.ErrorCode;
import com.roomagent.protocol.stun.MessageIntegrity;
import com.roomagent.protocol.stun.Software;
import com.roomagent.protocol.stun.StunClass;
import com.roomagent.protocol.stun.StunDecoder;
import com.roomagent.protocol.stun.StunEncoder;
import com.roomagent.protocol.stun.StunIntegrity;
import com.roomagent.protocol.stun.StunMessage;
import com.roomagent.protocol.stun.StunMethod;
import com.roomagent.protocol.stun.StunParseException;
import com.roomagent.protocol.stun.Username;
import com.roomagent.protocol.stun.XorMappedAddress;
import com.roomagent.transport.MediaCandidate;
import com.roomagent.transport.PacketKind;
import com.roomagent.transport.dtls.DtlsCertificate;
import com.roomagent.transport.dtls.DtlsHandshakeException;
import com.roomagent.transport.dtls.DtlsSrtpHandshake;
import com.roomagent.transport.dtls.SrtpKeyingMaterial;
import com.roomagent.transport.srtp.SrtpException;
import com.roomagent.transport.srtp.SrtpMasterKey;
import com.roomagent.transport.srtp.SrtpRelay;
import com.roomagent.transport.stun.ShortTermCredentials;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media side of one node (issue 5): admitted participants, their flows, a DTLS server per
 * flow with the node's certificate, and an {@link SrtpRelay} per meeting.
 *
 * <p>A flow is accepted only after a STUN Binding request with the USERNAME and a valid
 * MESSAGE-INTEGRITY of an admitted participant (ICE-lite-like; STUN precedes DTLS and media, R15);
 * only then are its DTLS and SRTP packets read. A request without USERNAME is a discovery probe
 * and is left to {@link BindingResponder}. When a participant keys on a new flow (failover to
 * another transport), the relay takes its new keys and forwards to the new flow.
 *
 * <p>Threads: packets arrive on the listeners' receiving threads; handshakes are awaited on at
 * most {@value #KEYING_THREADS} threads named {@code node-<id>-keying-N}; each DTLS server has its
 * own thread (see {@link DtlsSrtpHandshake}). Shared state is in concurrent maps; each relay is
 * thread-safe. The node owns all of it and {@link #close() closes} it.
 */
final class NodeMedia implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NodeMedia.class);
    private static final int KEYING_THREADS = 4;
    /** How long the node's DTLS server waits for a bound flow's handshake, retransmissions included. */
    static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(30);
    /** RFC 5389 section 15.6: a request without MESSAGE-INTEGRITY where credentials are required. */
    private static final int BAD_REQUEST = 400;
    /** RFC 5389 section 15.6: an unknown USERNAME or a MESSAGE-INTEGRITY that does not match. */
    private static final int UNAUTHORIZED = 401;

    /** The node's answer to an authenticated Binding request, and the participant it binds, if valid. */
    record StunReply(byte[] response, Optional<MediaAdmission> admitted) {}

    private final String nodeId;
    private final DtlsCertificate certificate;
    private final Map<String, MediaAdmission> byUsername = new ConcurrentHashMap<>();
    private final Map<String, SrtpRelay> relays = new ConcurrentHashMap<>();
    private final Map<NodeFlow, FlowState> flows = new ConcurrentHashMap<>();
    /** The keyed flow of each participant, by {@code meetingId/participantId}. */
    private final Map<String, NodeFlow> active = new ConcurrentHashMap<>();

    private final Set<MediaTransport> cut = ConcurrentHashMap.newKeySet();
    private final ExecutorService keying;
    private volatile List<MediaCandidate> candidates = List.of();

    private static final class FlowState {
        final MediaAdmission admission;
        final DtlsSrtpHandshake handshake;
        volatile boolean keyed;

        FlowState(MediaAdmission admission, DtlsSrtpHandshake handshake) {
            this.admission = admission;
            this.handshake = handshake;
        }
    }

    NodeMedia(String nodeId, Clock clock) {
        this.nodeId = nodeId;
        this.certificate = DtlsCertificate.selfSigned("room-agent media node " + nodeId, clock);
        ThreadPoolExecutor executor = new ThreadPoolExecutor(
                KEYING_THREADS,
                KEYING_THREADS,
                30,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                new NamedThreadFactory("node-" + nodeId + "-keying"));
        executor.allowCoreThreadTimeOut(true);
        this.keying = executor;
    }

    /** Sets the transport candidates admissions announce, once the listeners are bound. */
    void candidates(List<MediaCandidate> bound) {
        this.candidates = List.copyOf(bound);
    }

    /** The node's DTLS certificate fingerprint, RFC 8122 form. */
    String fingerprint() {
        return certificate.fingerprint().toString();
    }

    MediaAdmission admit(String meetingId, String participantId, ShortTermCredentials credentials) {
        MediaAdmission admission =
                new MediaAdmission(nodeId, meetingId, participantId, credentials, fingerprint(), candidates);
        byUsername.put(credentials.username(), admission);
        relays.computeIfAbsent(meetingId, id -> new SrtpRelay());
        log.info(
                "event=media_admitted node={} meeting={} participant={} username={}",
                nodeId,
                meetingId,
                participantId,
                credentials.username());
        return admission;
    }

    /**
     * Ends {@code participantId}'s part in {@code meetingId}: its credentials stop answering, the
     * relay forgets its keys, and its keyed flow closes. Idempotent.
     */
    void dismiss(String meetingId, String participantId) {
        byUsername
                .values()
                .removeIf(admission -> admission.meetingId().equals(meetingId)
                        && admission.participantId().equals(participantId));
        // The participant's flows first, then the relay: a packet the listener took before the flow
        // closed may still reach relay(), which drops it (the listener thread must survive a leave).
        for (Map.Entry<NodeFlow, FlowState> entry : List.copyOf(flows.entrySet())) {
            MediaAdmission admission = entry.getValue().admission;
            if (admission.meetingId().equals(meetingId)
                    && admission.participantId().equals(participantId)) {
                entry.getKey().close();
                flowClosed(entry.getKey());
            }
        }
        SrtpRelay relay = relays.get(meetingId);
        if (relay != null) {
            relay.leave(participantId);
        }
        log.info("event=media_dismissed node={} meeting={} participant={}", nodeId, meetingId, participantId);
    }

    void cut(MediaTransport transport, boolean on) {
        if (on) {
            cut.add(transport);
        } else {
            cut.remove(transport);
        }
        log.info("event=media_transport_cut node={} transport={} cut={}", nodeId, transport.id(), on);
    }

    boolean isCut(MediaTransport transport) {
        return cut.contains(transport);
    }

    /**
     * Answers a Binding request that carries a USERNAME (RFC 5389 section 10.1.2): a 400 without
     * MESSAGE-INTEGRITY, a 401 for an unknown username or a wrong MESSAGE-INTEGRITY (neither error
     * carries MESSAGE-INTEGRITY, since the node has no key the client would share), and a success
     * with XOR-MAPPED-ADDRESS, MESSAGE-INTEGRITY under the participant's password and FINGERPRINT.
     *
     * @return empty when the packet is not such a request (a discovery probe, or not STUN at all),
     *     which the caller leaves to {@link BindingResponder}
     */
    Optional<StunReply> authenticate(byte[] packet, InetSocketAddress source) {
        if (PacketKind.of(packet) != PacketKind.STUN) {
            return Optional.empty();
        }
        StunMessage request;
        try {
            request = StunDecoder.decode(packet);
        } catch (StunParseException e) {
            return Optional.empty();
        }
        Optional<Username> username = request.attribute(Username.class);
        if (request.messageClass() != StunClass.REQUEST
                || request.method() != StunMethod.BINDING
                || username.isEmpty()) {
            return Optional.empty();
        }
        MediaAdmission admission = byUsername.get(username.get().value());
        boolean valid;
        try {
            valid = admission != null
                    && StunIntegrity.verify(packet, admission.credentials().key());
        } catch (StunParseException e) {
            valid = false;
        }
        if (admission != null && valid) {
            StunMessage response = StunMessage.bindingSuccess(
                    request.transactionId(), new XorMappedAddress(source), new Software(BindingResponder.SOFTWARE));
            return Optional.of(new StunReply(
                    StunEncoder.encode(response, admission.credentials().key(), true), Optional.of(admission)));
        }
        boolean hasIntegrity = hasIntegrity(packet);
        ErrorCode error =
                hasIntegrity ? new ErrorCode(UNAUTHORIZED, "Unauthorized") : new ErrorCode(BAD_REQUEST, "Bad Request");
        log.info(
                "event=stun_refused node={} from={} username={} code={}",
                nodeId,
                LogFormat.address(source),
                username.get().value(),
                error.code());
        StunMessage response =
                StunMessage.bindingError(request.transactionId(), error, new Software(BindingResponder.SOFTWARE));
        return Optional.of(new StunReply(StunEncoder.encode(response, null, true), Optional.empty()));
    }

    private static boolean hasIntegrity(byte[] packet) {
        try {
            return StunDecoder.decode(packet).attribute(MessageIntegrity.class).isPresent();
        } catch (StunParseException e) {
            return false;
        }
    }

    /**
     * Binds {@code flow} to the participant a valid check named, and starts its DTLS server the
     * first time. A flow already bound to this participant stays as it is (checks repeat as
     * keepalives); a flow is never re-bound to another participant.
     */
    void bind(NodeFlow flow, MediaAdmission admission) {
        FlowState existing = flows.get(flow);
        if (existing != null) {
            return;
        }
        DtlsSrtpHandshake handshake;
        try {
            handshake = DtlsSrtpHandshake.server(flow, certificate);
        } catch (IOException e) {
            log.warn(
                    "event=dtls_server_failed node={} flow=\"{}\" error=\"{}\"",
                    nodeId,
                    flow.describe(),
                    e.getMessage());
            return;
        }
        FlowState state = new FlowState(admission, handshake);
        if (flows.putIfAbsent(flow, state) != null) {
            handshake.close();
            return;
        }
        handshake.attachTo(flow);
        log.info(
                "event=flow_bound node={} meeting={} participant={} flow=\"{}\"",
                nodeId,
                admission.meetingId(),
                admission.participantId(),
                flow.describe());
        try {
            keying.execute(() -> awaitKeys(flow, state));
        } catch (RejectedExecutionException e) {
            log.debug("event=flow_unkeyed node={} reason=stopping", nodeId);
        }
    }

    private void awaitKeys(NodeFlow flow, FlowState state) {
        MediaAdmission admission = state.admission;
        SrtpKeyingMaterial keys;
        try {
            keys = state.handshake.keys(HANDSHAKE_TIMEOUT);
        } catch (DtlsHandshakeException e) {
            log.warn(
                    "event=flow_not_keyed node={} meeting={} participant={} flow=\"{}\" reason={} error=\"{}\"",
                    nodeId,
                    admission.meetingId(),
                    admission.participantId(),
                    flow.describe(),
                    e.reason(),
                    e.getMessage());
            // The next valid check on this flow starts a fresh DTLS server.
            if (flows.remove(flow, state)) {
                state.handshake.close();
            }
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        SrtpRelay relay = relays.get(admission.meetingId());
        try {
            // RFC 5764 section 4.2: the device is the DTLS client, so it sends with the client
            // write key and salt, and the node protects what it sends with the server's.
            relay.join(
                    admission.participantId(),
                    SrtpMasterKey.of(keys.clientWriteKey(), keys.clientWriteSalt()),
                    SrtpMasterKey.of(keys.serverWriteKey(), keys.serverWriteSalt()));
        } finally {
            keys.destroy();
        }
        NodeFlow previous = active.put(key(admission), flow);
        state.keyed = true;
        if (previous != null && previous != flow) {
            FlowState old = flows.remove(previous);
            if (old != null) {
                old.keyed = false;
                old.handshake.close();
            }
        }
        log.info(
                "event=flow_keyed node={} meeting={} participant={} flow=\"{}\" moved={}",
                nodeId,
                admission.meetingId(),
                admission.participantId(),
                flow.describe(),
                previous != null && previous != flow);
    }

    /**
     * Takes a DTLS or SRTP packet from a flow that a valid check bound: DTLS goes to the flow's
     * server, SRTP/SRTCP to the meeting's relay once keyed. Anything from an unbound flow is dropped.
     */
    void received(NodeFlow flow, byte[] packet) {
        FlowState state = flows.get(flow);
        if (state == null) {
            log.debug("event=media_dropped node={} flow=\"{}\" reason=unbound-flow", nodeId, flow.describe());
            return;
        }
        switch (PacketKind.of(packet)) {
            case DTLS:
                flow.deliver(packet);
                break;
            case SRTP:
                if (state.keyed) {
                    relay(state.admission, packet);
                }
                break;
            default:
                break;
        }
    }

    private void relay(MediaAdmission from, byte[] packet) {
        SrtpRelay relay = relays.get(from.meetingId());
        if (relay == null) {
            return;
        }
        List<SrtpRelay.Forward> forwards;
        try {
            forwards = isRtcp(packet)
                    ? relay.relayRtcp(from.participantId(), packet)
                    : relay.relayRtp(from.participantId(), packet);
        } catch (IllegalArgumentException e) {
            // Dismissed (the room left) while this packet was on its way: dismiss runs on the
            // signaling thread, packets on the listener's. Before this, the listener thread died
            // here and the node's transport stopped answering (found by the network lab).
            log.debug(
                    "event=srtp_dropped node={} meeting={} participant={} reason=participant-left",
                    nodeId,
                    from.meetingId(),
                    from.participantId());
            return;
        } catch (SrtpException e) {
            log.debug(
                    "event=srtp_refused node={} meeting={} participant={} reason={}",
                    nodeId,
                    from.meetingId(),
                    from.participantId(),
                    e.reason());
            return;
        }
        for (SrtpRelay.Forward forward : forwards) {
            NodeFlow to = active.get(from.meetingId() + "/" + forward.participantId());
            if (to == null || to.isClosed()) {
                continue;
            }
            try {
                to.send(forward.packet());
            } catch (IOException e) {
                log.debug(
                        "event=srtp_unsent node={} participant={} error=\"{}\"",
                        nodeId,
                        forward.participantId(),
                        e.getMessage());
            }
        }
    }

    /** RFC 5761 section 4: RTCP packet types 192..223 in the second byte, where RTP has M and PT. */
    private static boolean isRtcp(byte[] packet) {
        if (packet.length < 2) {
            return false;
        }
        int type = packet[1] & 0xFF;
        return type >= 192 && type <= 223;
    }

    void flowClosed(NodeFlow flow) {
        FlowState state = flows.remove(flow);
        if (state != null) {
            state.handshake.close();
            active.remove(key(state.admission), flow);
        }
    }

    private static String key(MediaAdmission admission) {
        return admission.meetingId() + "/" + admission.participantId();
    }

    @Override
    public void close() {
        keying.shutdownNow();
        for (NodeFlow flow : List.copyOf(flows.keySet())) {
            flowClosed(flow);
        }
        try {
            keying.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
