package com.roomagent.agent.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's local control interface: a Unix domain socket (never a network port, R1) where each
 * connection carries one request line and gets one answer line (docs/provisioning.md).
 *
 * <p>Threads and ownership: the server owns its channel, the socket file (removed at close), one
 * acceptor thread {@code control-acceptor} and a bounded pool of {@code control-handler-N}
 * threads ({@link ControlLimits}); a connection belongs to the handler serving it. A request that
 * finds every handler and queue slot taken is answered {@value ControlResponse#BUSY} by the
 * acceptor.
 */
public final class ControlServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);

    /** The acceptor answers busy itself, so it spends little time on each such client. */
    private static final Duration BUSY_ANSWER_TIMEOUT = Duration.ofMillis(200);

    private final Path path;
    private final ServerSocketChannel server;
    private final ControlHandler handler;
    private final ControlLimits limits;
    private final ThreadPoolExecutor handlers;
    private final Thread acceptor;
    private volatile boolean closed;

    private ControlServer(Path path, ServerSocketChannel server, ControlHandler handler, ControlLimits limits) {
        this.path = path;
        this.server = server;
        this.handler = handler;
        this.limits = limits;
        AtomicInteger count = new AtomicInteger();
        this.handlers = new ThreadPoolExecutor(
                limits.handlerThreads(),
                limits.handlerThreads(),
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(1, limits.queuedRequests())),
                task -> {
                    Thread thread = new Thread(task, "control-handler-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.acceptor = new Thread(this::acceptLoop, "control-acceptor");
        this.acceptor.setDaemon(true);
    }

    /**
     * Claims {@code path} (removing a stale socket left by a crash), binds it with mode 0660 and
     * starts accepting.
     *
     * @throws ControlSocketException when another agent answers there, the path is taken by a
     *     file that is not a socket, is too long, or cannot be created
     */
    public static ControlServer start(Path path, ControlHandler handler, ControlLimits limits)
            throws ControlSocketException {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(limits, "limits");
        ServerSocketChannel channel = SocketFiles.bind(path);
        ControlServer server = new ControlServer(path, channel, handler, limits);
        server.acceptor.start();
        LOG.info("event=control-socket-listening path={} mode=0660", path);
        return server;
    }

    /** The socket file clients connect to. */
    public Path path() {
        return path;
    }

    private void acceptLoop() {
        while (!closed) {
            SocketChannel connection;
            try {
                connection = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!closed) {
                    LOG.error("event=control-accept-failed path={} error=\"{}\"", path, e.toString());
                }
                return;
            }
            try {
                handlers.execute(() -> serve(connection));
            } catch (RejectedExecutionException e) {
                refuseBusy(connection);
            }
        }
    }

    /** The top of a handler thread: nothing may escape, and the connection is always closed. */
    private void serve(SocketChannel connection) {
        String peer = peerOf(connection);
        try (connection;
                LineChannel lines = new LineChannel(connection)) {
            ControlResponse response = answer(lines, peer);
            lines.writeLine(ControlJson.mapper().writeValueAsString(response), limits.writeTimeout());
            lines.finish(limits.maxRequestBytes(), limits.writeTimeout());
        } catch (IOException e) {
            LOG.warn("event=control-connection-failed peer={} error=\"{}\"", peer, e.toString());
        } catch (RuntimeException e) {
            LOG.error("event=control-handler-failed peer={} error=\"{}\"", peer, e.toString(), e);
        }
    }

    private ControlResponse answer(LineChannel lines, String peer) throws IOException {
        String line;
        try {
            line = lines.readLine(limits.maxRequestBytes(), limits.readTimeout());
        } catch (LineChannel.LineTooLongException e) {
            return refuse(peer, "the request is longer than " + limits.maxRequestBytes() + " bytes");
        } catch (SocketTimeoutException | EOFException e) {
            return refuse(
                    peer,
                    "no complete request line within " + limits.readTimeout().toMillis() + " ms");
        }
        ControlRequest request;
        try {
            request = ControlJson.mapper().readValue(line, ControlRequest.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return refuse(peer, "the request is not a JSON object with a \"command\" field");
        }
        if (!ControlRequest.COMMANDS.contains(request.command())) {
            return refuse(
                    peer,
                    "unknown command '" + request.command() + "'; known: "
                            + String.join(", ", ControlRequest.COMMANDS));
        }
        if (!request.problem().isEmpty()) {
            return refuse(peer, request.problem());
        }
        LOG.info("event=control-request command={} peer={}", request.command(), peer);
        try {
            return handler.handle(request, peer);
        } catch (RuntimeException e) {
            LOG.error("event=control-command-failed command={} error=\"{}\"", request.command(), e.toString(), e);
            return ControlResponse.refusal(
                    ControlResponse.INTERNAL_ERROR, "the agent failed to handle the request; its log says why");
        }
    }

    private static ControlResponse refuse(String peer, String message) {
        LOG.warn("event=control-request-refused peer={} reason=\"{}\"", peer, message);
        return ControlResponse.refusal(ControlResponse.BAD_REQUEST, message);
    }

    private void refuseBusy(SocketChannel connection) {
        LOG.warn("event=control-busy handlers={} queued={}", limits.handlerThreads(), limits.queuedRequests());
        try (connection;
                LineChannel lines = new LineChannel(connection)) {
            ControlResponse busy = ControlResponse.refusal(
                    ControlResponse.BUSY, "the agent is busy with other requests; try again in a few seconds");
            lines.writeLine(ControlJson.mapper().writeValueAsString(busy), BUSY_ANSWER_TIMEOUT);
            lines.finish(limits.maxRequestBytes(), BUSY_ANSWER_TIMEOUT);
        } catch (IOException e) {
            LOG.debug("event=control-busy-answer-failed error=\"{}\"", e.toString());
        }
    }

    private static String peerOf(SocketChannel connection) {
        try {
            UnixDomainPrincipal principal = connection.getOption(ExtendedSocketOptions.SO_PEERCRED);
            return principal.user().getName();
        } catch (IOException | UnsupportedOperationException e) {
            return "unknown";
        }
    }

    /** Stops accepting, removes the socket file, and waits up to 2 s for requests being handled. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        SocketFiles.closeQuietly(server);
        handlers.shutdownNow();
        try {
            acceptor.join(2_000);
            if (!handlers.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("event=control-stop-slow reason=\"a request was still being handled after 2 s\"");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warn("event=control-socket-not-removed path={} error=\"{}\"", path, e.toString());
        }
        LOG.info("event=control-socket-closed path={}", path);
    }
}
