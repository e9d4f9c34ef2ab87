package com.roomagent.emulator.medianode;

import com.roomagent.emulator.logging.LogFormat;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.framing.FramingException;
import com.roomagent.protocol.framing.StreamFraming;
import com.roomagent.transport.PacketKind;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One accepted TCP or TLS connection. Its thread reads RFC 4571 frames (RFC 6544 section 3, as
 * ICE-TCP frames STUN) and hands each answer to the reply scheduler, which writes it after the
 * node's delay; a request that arrives before the previous answer left is not held up by it. The
 * connection closes on end of stream, a broken frame, the idle timeout, or the listener's close.
 */
final class StreamConnection implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(StreamConnection.class);

    /** What the connection does with its bytes. */
    enum Kind {
        /** Answer STUN in RFC 4571 frames; over TLS, handshake first. */
        SERVE,
        /** Read and discard everything, never answer, never handshake: a silent firewall. */
        DROP
    }

    private final NodeContext node;
    private final MediaTransport transport;
    private final Kind kind;
    private final StreamLimits limits;
    private final Socket socket;
    private final InetSocketAddress peer;
    /** This connection as a participant's flow, once a check bound it; only the reading thread sets it. */
    private NodeFlow flow;
    /** The stream's writer, shared by answers and the flow; writes hold its lock, so frames never interleave. */
    private volatile OutputStream out;

    private final Object writeLock = new Object();

    StreamConnection(NodeContext node, MediaTransport transport, Kind kind, StreamLimits limits, Socket socket) {
        this.node = node;
        this.transport = transport;
        this.kind = kind;
        this.limits = limits;
        this.socket = socket;
        this.peer = (InetSocketAddress) socket.getRemoteSocketAddress();
    }

    @Override
    public void run() {
        String reason;
        try (socket) {
            socket.setTcpNoDelay(true);
            if (socket instanceof SSLSocket) {
                socket.setSoTimeout(Math.toIntExact(limits.handshakeTimeout().toMillis()));
                ((SSLSocket) socket).startHandshake();
            }
            socket.setSoTimeout(Math.toIntExact(limits.idleTimeout().toMillis()));
            InputStream in = new BufferedInputStream(socket.getInputStream());
            if (kind == Kind.DROP) {
                discard(in);
            } else {
                out = socket.getOutputStream();
                serve(in);
            }
            reason = "eof";
        } catch (EOFException e) {
            reason = "eof";
        } catch (SocketTimeoutException e) {
            reason = "idle-timeout";
        } catch (FramingException e) {
            reason = "broken-frame: " + e.getMessage();
        } catch (SSLException e) {
            reason = "tls-failure: " + e.getMessage();
        } catch (IOException e) {
            reason = socket.isClosed() ? "closed" : "io-error: " + e;
        }
        if (flow != null) {
            flow.remoteClosed(new IOException("the " + transport.id() + " connection closed: " + reason));
        }
        log.debug(
                "stream.closed node={} transport={} peer={} reason=\"{}\"",
                node.nodeId(),
                transport.id(),
                LogFormat.address(peer),
                reason);
    }

    private void discard(InputStream in) throws IOException {
        byte[] sink = new byte[4096];
        while (in.read(sink) >= 0) {
            log.trace("stream.discarded node={} transport={} peer={}", node.nodeId(), transport.id(), peer);
        }
    }

    private void serve(InputStream in) throws IOException {
        while (true) {
            byte[] packet = StreamFraming.RFC4571.readPacket(in);
            if (node.media().isCut(transport)) {
                continue;
            }
            if (media(packet)) {
                continue;
            }
            BindingResponder.Answer answer = BindingResponder.answer(packet, 0, packet.length, peer);
            if (answer.response().isEmpty()) {
                log.debug(
                        "stun.ignored node={} transport={} from={} outcome={} detail=\"{}\"",
                        node.nodeId(),
                        transport.id(),
                        LogFormat.address(peer),
                        answer.outcome(),
                        answer.detail());
                continue;
            }
            byte[] response = answer.response().get();
            try {
                node.replies()
                        .schedule(
                                () -> write(response, answer.outcome()),
                                node.delay().toNanos(),
                                TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                log.debug(
                        "stun.unsent node={} transport={} to={} reason=stopping",
                        node.nodeId(),
                        transport.id(),
                        LogFormat.address(peer));
            }
        }
    }

    /**
     * Gives the packet to the node's media side: an authenticated check (answered here, binding this
     * connection as the participant's flow), or DTLS/SRTP on the flow. Returns false for what the
     * discovery responder answers.
     */
    private boolean media(byte[] packet) throws IOException {
        if (PacketKind.of(packet) != PacketKind.STUN) {
            if (flow != null) {
                node.media().received(flow, packet);
            }
            return PacketKind.of(packet) != PacketKind.UNKNOWN || flow != null;
        }
        Optional<NodeMedia.StunReply> reply = node.media().authenticate(packet, peer);
        if (reply.isEmpty()) {
            return false;
        }
        if (reply.get().admitted().isPresent()) {
            if (flow == null) {
                flow = new NodeFlow(
                        node.media(),
                        transport,
                        (InetSocketAddress) socket.getLocalSocketAddress(),
                        peer,
                        this::writeFrame);
            }
            node.media().bind(flow, reply.get().admitted().get());
        }
        writeFrame(reply.get().response());
        return true;
    }

    private void writeFrame(byte[] packet) throws IOException {
        synchronized (writeLock) {
            StreamFraming.RFC4571.writePacket(out, packet);
            out.flush();
        }
    }

    /** Runs on the reply scheduler; writes under the stream's lock, so frames never interleave. */
    private void write(byte[] response, BindingResponder.Outcome outcome) {
        try {
            writeFrame(response);
            log.debug(
                    "stun.answered node={} transport={} to={} outcome={}",
                    node.nodeId(),
                    transport.id(),
                    LogFormat.address(peer),
                    outcome);
        } catch (IOException e) {
            log.debug(
                    "stun.send_failed node={} transport={} to={} error={}",
                    node.nodeId(),
                    transport.id(),
                    LogFormat.address(peer),
                    e.toString());
        }
    }
}
