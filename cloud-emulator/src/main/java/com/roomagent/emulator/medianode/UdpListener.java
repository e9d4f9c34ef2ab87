package com.roomagent.emulator.medianode;

import com.roomagent.emulator.logging.LogFormat;
import com.roomagent.emulator.threads.NamedThreadFactory;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.transport.PacketKind;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A UDP (or UDP last-resort) listener: one socket, one receiving thread. Answers leave from the
 * socket the request arrived on, so the node is symmetric (R13) and NATs see the 5-tuple they
 * expect. In drop mode datagrams are read and discarded.
 *
 * <p>Threads: {@code node-<id>-<transport>} receives; the emulator's reply scheduler sends, after
 * the node's delay, so a delayed answer never holds up the next datagram.
 */
final class UdpListener implements TransportListener {
    private static final Logger log = LoggerFactory.getLogger(UdpListener.class);
    // Larger than any path MTU; a longer datagram is truncated and then fails STUN's length check.
    private static final int MAX_DATAGRAM = 2048;

    private final NodeContext node;
    private final MediaTransport transport;
    private final boolean answers;
    private final DatagramSocket socket;
    private final InetSocketAddress address;
    private final Thread receiver;
    /** Flows of participants whose check succeeded, by remote address; read on the receiving thread. */
    private final Map<InetSocketAddress, NodeFlow> flows = new ConcurrentHashMap<>();

    private volatile boolean closed;

    private UdpListener(NodeContext node, MediaTransport transport, boolean answers, DatagramSocket socket) {
        this.node = node;
        this.transport = transport;
        this.answers = answers;
        this.socket = socket;
        this.address = (InetSocketAddress) socket.getLocalSocketAddress();
        this.receiver = NamedThreadFactory.start("node-" + node.nodeId() + "-" + transport.id(), this::receiveLoop);
    }

    /**
     * Binds {@code address} and starts receiving.
     *
     * @param answers true to serve, false to drop everything
     * @throws ListenerBindException when the address cannot be bound
     */
    static UdpListener open(NodeContext node, MediaTransport transport, InetSocketAddress address, boolean answers)
            throws ListenerBindException {
        DatagramSocket socket = null;
        try {
            socket = new DatagramSocket(null);
            socket.bind(address);
            return new UdpListener(node, transport, answers, socket);
        } catch (IOException e) {
            if (socket != null) {
                socket.close();
            }
            throw new ListenerBindException(node.nodeId(), transport, address, e);
        }
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    private void receiveLoop() {
        byte[] buffer = new byte[MAX_DATAGRAM];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!closed) {
            try {
                packet.setLength(buffer.length);
                socket.receive(packet);
            } catch (IOException e) {
                if (!closed) {
                    log.warn(
                            "udp.receive_failed node={} transport={} error={}",
                            node.nodeId(),
                            transport.id(),
                            e.toString());
                }
                continue;
            }
            InetSocketAddress source = (InetSocketAddress) packet.getSocketAddress();
            if (answers && node.media().isCut(transport)) {
                log.trace("udp.cut node={} transport={} from={}", node.nodeId(), transport.id(), source);
                continue;
            }
            if (answers
                    && media(
                            Arrays.copyOfRange(buffer, packet.getOffset(), packet.getOffset() + packet.getLength()),
                            source)) {
                continue;
            }
            if (!answers) {
                log.debug(
                        "stun.dropped node={} transport={} from={} reason=drop-mode",
                        node.nodeId(),
                        transport.id(),
                        LogFormat.address(source));
                continue;
            }
            BindingResponder.Answer answer =
                    BindingResponder.answer(buffer, packet.getOffset(), packet.getLength(), source);
            answer.response()
                    .ifPresentOrElse(
                            response -> scheduleSend(response, source, answer.outcome()),
                            () -> log.debug(
                                    "stun.ignored node={} transport={} from={} outcome={} detail=\"{}\"",
                                    node.nodeId(),
                                    transport.id(),
                                    LogFormat.address(source),
                                    answer.outcome(),
                                    answer.detail()));
        }
    }

    /**
     * Gives the packet to the node's media side: an authenticated check (answered here, binding the
     * flow), or DTLS/SRTP on a flow. Returns false for what the discovery responder answers.
     */
    private boolean media(byte[] data, InetSocketAddress source) {
        NodeFlow flow = flows.get(source);
        if (PacketKind.of(data) != PacketKind.STUN) {
            if (flow != null) {
                node.media().received(flow, data);
            }
            return PacketKind.of(data) != PacketKind.UNKNOWN || flow != null;
        }
        Optional<NodeMedia.StunReply> reply = node.media().authenticate(data, source);
        if (reply.isEmpty()) {
            return false;
        }
        NodeFlow bound = flow;
        if (reply.get().admitted().isPresent()) {
            if (bound == null) {
                bound = flows.computeIfAbsent(
                        source,
                        remote -> new NodeFlow(
                                node.media(), transport, address, remote, bytes -> sendNow(bytes, remote)));
            }
            node.media().bind(bound, reply.get().admitted().get());
        }
        try {
            sendNow(reply.get().response(), source);
        } catch (IOException e) {
            log.debug(
                    "stun.send_failed node={} transport={} to={} error={}",
                    node.nodeId(),
                    transport.id(),
                    LogFormat.address(source),
                    e.toString());
        }
        return true;
    }

    private void sendNow(byte[] packet, InetSocketAddress destination) throws IOException {
        if (closed) {
            throw new IOException("the node's " + transport.id() + " socket is closed");
        }
        socket.send(new DatagramPacket(packet, packet.length, destination));
    }

    private void scheduleSend(byte[] response, InetSocketAddress destination, BindingResponder.Outcome outcome) {
        try {
            node.replies()
                    .schedule(
                            () -> send(response, destination, outcome),
                            node.delay().toNanos(),
                            TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // The emulator is stopping; an unanswered request is what a stopping node does.
            log.debug(
                    "stun.unsent node={} transport={} to={} reason=stopping",
                    node.nodeId(),
                    transport.id(),
                    LogFormat.address(destination));
        }
    }

    private void send(byte[] response, InetSocketAddress destination, BindingResponder.Outcome outcome) {
        try {
            socket.send(new DatagramPacket(response, response.length, destination));
            log.debug(
                    "stun.answered node={} transport={} to={} outcome={}",
                    node.nodeId(),
                    transport.id(),
                    LogFormat.address(destination),
                    outcome);
        } catch (IOException e) {
            if (!closed) {
                log.debug(
                        "stun.send_failed node={} transport={} to={} error={}",
                        node.nodeId(),
                        transport.id(),
                        LogFormat.address(destination),
                        e.toString());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        flows.values().forEach(NodeFlow::close);
        socket.close();
        try {
            receiver.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
