package com.roomagent.emulator.medianode;

import com.roomagent.emulator.logging.LogFormat;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.framing.FramingException;
import com.roomagent.protocol.framing.StreamFraming;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
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
                serve(in, socket.getOutputStream());
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

    private void serve(InputStream in, OutputStream out) throws IOException {
        while (true) {
            byte[] packet = StreamFraming.RFC4571.readPacket(in);
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
                                () -> write(out, response, answer.outcome()),
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

    /** Runs on the reply scheduler; the stream's only writer, so frames never interleave. */
    private void write(OutputStream out, byte[] response, BindingResponder.Outcome outcome) {
        try {
            StreamFraming.RFC4571.writePacket(out, response);
            out.flush();
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
