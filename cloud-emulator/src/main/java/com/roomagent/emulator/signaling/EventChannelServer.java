package com.roomagent.emulator.signaling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.roomagent.emulator.logging.LogFormat;
import com.roomagent.protocol.discovery.DiscoveryReport;
import com.roomagent.protocol.signaling.SignalingJson;
import com.roomagent.protocol.signaling.SignalingMessage;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.java_websocket.WebSocket;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.SSLParametersWebSocketServerFactory;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event channel's server (docs/signaling.md, "Event channel"): secure WebSocket (RFC 6455 over
 * TLS) at {@value #PATH}, with client certificates required and verified against the emulator's
 * CA, through Java-WebSocket (the JDK's HttpsServer cannot upgrade a connection). Each channel is
 * bound to the device its certificate names; {@link Registrations} holds what outlives a channel.
 *
 * <p>Threads: Java-WebSocket's {@code WebSocketSelector-N} accepts and handshakes and {@code
 * WebSocketWorker-N} run the callbacks below; {@link #close()} stops them all.
 */
public final class EventChannelServer implements AutoCloseable {
    /** The event channel's path. */
    public static final String PATH = "/v1/devices/events";
    /** How often a device pings, announced in {@code welcome}. */
    public static final int HEARTBEAT_SECONDS = 20;

    private static final Logger log = LoggerFactory.getLogger(EventChannelServer.class);
    private static final long START_WAIT_SECONDS = 10;
    private static final int STOP_WAIT_MILLIS = 2000;

    private final Server server;

    private EventChannelServer(Server server) {
        this.server = server;
    }

    /**
     * Binds {@code address} (port 0 for an ephemeral one) and serves channels once bound.
     *
     * @param tls the server's context, trusting the emulator's CA for client certificates
     * @param reports where {@code discovery.report} messages go
     * @param meetings where {@code meeting.join}, {@code meeting.leave} and {@code media.failover}
     *     messages go
     * @throws BindException when the port is taken or needs privilege
     * @throws IOException when the server does not start in time
     */
    public static EventChannelServer start(
            InetSocketAddress address,
            SSLContext tls,
            Registrations registrations,
            DiscoveryReportStore reports,
            MeetingRequests meetings)
            throws IOException {
        Server server = new Server(address, registrations, reports, meetings);
        SSLParameters parameters = tls.getDefaultSSLParameters();
        parameters.setNeedClientAuth(true);
        // TLS 1.2 only: Java-WebSocket's SSL channel can drop application data that arrives together
        // with a TLS 1.3 client's last handshake flight (the WebSocket upgrade request sent right
        // after the client's Finished), which stalls the handshake now and then
        // (TooTallNate/Java-WebSocket issues 665 and 940). A TLS 1.2 client waits for the server's
        // Finished first. The agent's client speaks both; the signaling server keeps TLS 1.3.
        parameters.setProtocols(new String[] {"TLSv1.2"});
        server.setWebSocketFactory(new SSLParametersWebSocketServerFactory(tls, parameters));
        server.setReuseAddr(true);
        // Closes a channel whose peer stopped answering WebSocket pings (RFC 6455 section 5.5.2).
        server.setConnectionLostTimeout(HEARTBEAT_SECONDS * 3);
        server.start();
        try {
            if (!server.started.await(START_WAIT_SECONDS, TimeUnit.SECONDS)) {
                stop(server);
                throw new IOException("the event channel server did not start within " + START_WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(server);
            throw new IOException("interrupted while starting the event channel server", e);
        }
        Exception failure = server.startFailure.get();
        if (failure != null) {
            stop(server);
            if (failure instanceof IOException io) {
                throw io;
            }
            throw new IOException(failure.toString(), failure);
        }
        log.info("events.listening address={} path={}", LogFormat.address(server.boundAddress()), PATH);
        return new EventChannelServer(server);
    }

    /** The bound address, with the actual port. */
    public InetSocketAddress address() {
        return server.boundAddress();
    }

    /** Closes every channel (1001, going away) and stops the server's threads. */
    @Override
    public void close() {
        server.registrations.closeAll();
        stop(server);
        log.info("events.stopped address={}", LogFormat.address(server.boundAddress()));
    }

    private static void stop(Server server) {
        try {
            server.stop(STOP_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What one connection knows: the device its certificate names, and whether hello was accepted. */
    private static final class ChannelState implements Registrations.Channel {
        final WebSocket socket;
        final String deviceId;
        boolean attached;

        ChannelState(WebSocket socket, String deviceId) {
            this.socket = socket;
            this.deviceId = deviceId;
        }

        @Override
        public void send(SignalingMessage message) {
            try {
                socket.send(SignalingJson.write(message));
            } catch (WebsocketNotConnectedException e) {
                // Closing meanwhile: the message stays held (events) or is moot (answers).
                log.debug("channel.send_after_close device={}", deviceId);
            }
        }

        @Override
        public void close(int code, String reason) {
            socket.close(code, reason);
        }
    }

    private static final class Server extends WebSocketServer {
        final Registrations registrations;
        final DiscoveryReportStore reports;
        final MeetingRequests meetings;
        final CountDownLatch started = new CountDownLatch(1);
        final AtomicReference<Exception> startFailure = new AtomicReference<>();
        final InetSocketAddress requested;

        Server(
                InetSocketAddress address,
                Registrations registrations,
                DiscoveryReportStore reports,
                MeetingRequests meetings) {
            super(address);
            this.requested = address;
            this.registrations = registrations;
            this.reports = reports;
            this.meetings = meetings;
        }

        InetSocketAddress boundAddress() {
            return new InetSocketAddress(requested.getAddress(), getPort());
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket socket, ClientHandshake handshake) {
            if (!PATH.equals(handshake.getResourceDescriptor())) {
                socket.close(CloseFrame.POLICY_VALIDATION, "no such endpoint: use " + PATH);
                return;
            }
            Optional<String> device = ClientCertificates.deviceId(socket.getSSLSession());
            if (device.isEmpty()) {
                // Unreachable while client authentication is required; kept as a second lock.
                socket.close(CloseFrame.POLICY_VALIDATION, "present the device certificate");
                return;
            }
            socket.setAttachment(new ChannelState(socket, device.get()));
            log.info(
                    "channel.opened device={} remote={}",
                    device.get(),
                    LogFormat.address(socket.getRemoteSocketAddress()));
        }

        @Override
        public void onMessage(WebSocket socket, String text) {
            ChannelState state = socket.getAttachment();
            if (state == null || registrations.silenced(state.deviceId)) {
                return;
            }
            SignalingMessage message;
            try {
                message = SignalingJson.read(text);
            } catch (JsonProcessingException e) {
                refuse(state, "unreadable message: " + e.getOriginalMessage());
                return;
            }
            if (!state.attached) {
                if (message instanceof SignalingMessage.Hello hello) {
                    state.attached = registrations.attach(state.deviceId, hello, state, HEARTBEAT_SECONDS);
                    if (!state.attached) {
                        socket.close(4404, "unknown registration");
                    }
                } else {
                    refuse(
                            state,
                            "the first message on a channel must be hello, not "
                                    + message.getClass().getSimpleName());
                }
                return;
            }
            if (message instanceof SignalingMessage.Ack ack) {
                registrations.acknowledge(state.deviceId, ack.seq());
            } else if (message instanceof SignalingMessage.Ping ping) {
                state.send(new SignalingMessage.Pong(ping.id()));
            } else if (message instanceof SignalingMessage.DiscoveryReportMessage report) {
                accept(state, report);
            } else if (message instanceof SignalingMessage.MeetingJoin join) {
                meetings.join(state.deviceId, join);
                state.send(new SignalingMessage.Ack(join.seq()));
            } else if (message instanceof SignalingMessage.MeetingLeave leave) {
                meetings.leave(state.deviceId, leave);
                state.send(new SignalingMessage.Ack(leave.seq()));
            } else if (message instanceof SignalingMessage.MediaFailover failover) {
                meetings.failover(state.deviceId, failover);
                state.send(new SignalingMessage.Ack(failover.seq()));
            } else if (message instanceof SignalingMessage.Error error) {
                log.warn(
                        "channel.device_error device={} code={} message=\"{}\"",
                        state.deviceId,
                        error.code(),
                        error.message());
            } else {
                state.send(new SignalingMessage.Error(
                        SignalingMessage.Error.BAD_MESSAGE,
                        "a device does not send " + message.getClass().getSimpleName()));
            }
        }

        private void accept(ChannelState state, SignalingMessage.DiscoveryReportMessage message) {
            DiscoveryReport report = message.report();
            if (!report.deviceId().equals(state.deviceId)) {
                state.send(new SignalingMessage.Error(
                        SignalingMessage.Error.FORBIDDEN,
                        "the report names device " + report.deviceId() + ", the certificate " + state.deviceId));
                return;
            }
            reports.add(report);
            state.send(new SignalingMessage.Ack(message.seq()));
            log.info(
                    "channel.discovery_report device={} seq={} trigger={} results={}",
                    state.deviceId,
                    message.seq(),
                    report.trigger(),
                    report.results().size());
        }

        private static void refuse(ChannelState state, String why) {
            state.send(new SignalingMessage.Error(SignalingMessage.Error.BAD_MESSAGE, why));
            state.socket.close(CloseFrame.POLICY_VALIDATION, "bad message");
        }

        @Override
        public void onClose(WebSocket socket, int code, String reason, boolean remote) {
            ChannelState state = socket.getAttachment();
            if (state != null) {
                registrations.detach(state.deviceId, state);
                log.info(
                        "channel.closed device={} code={} reason=\"{}\" byDevice={}",
                        state.deviceId,
                        code,
                        reason,
                        remote);
            }
        }

        @Override
        public void onError(WebSocket socket, Exception e) {
            if (socket == null) {
                // The server itself failed: binding, or its selector thread.
                startFailure.compareAndSet(null, e);
                started.countDown();
                log.warn("events.server_error error={}", e.toString());
                return;
            }
            log.info(
                    "channel.error remote={} error={}",
                    LogFormat.address(socket.getRemoteSocketAddress()),
                    e.toString());
        }
    }
}
