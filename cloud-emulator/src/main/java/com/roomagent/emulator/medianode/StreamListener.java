package com.roomagent.emulator.medianode;

import com.roomagent.emulator.logging.LogFormat;
import com.roomagent.emulator.threads.NamedThreadFactory;
import com.roomagent.protocol.discovery.MediaTransport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ServerSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP or TLS listener of a media node, carrying STUN in RFC 4571 frames. It owns its server
 * socket, its accepting thread, and the connections it accepted; closing it closes all of them.
 *
 * <p>Threads: {@code node-<id>-<transport>-accept} accepts; each connection runs on one of at most
 * {@link StreamLimits#maxConnections()} threads named {@code node-<id>-<transport>-conn-N}; a
 * connection beyond the limit is closed as soon as it is accepted.
 */
final class StreamListener implements TransportListener {
    private static final Logger log = LoggerFactory.getLogger(StreamListener.class);
    private static final int BACKLOG = 64;

    private final NodeContext node;
    private final MediaTransport transport;
    private final StreamConnection.Kind kind;
    private final StreamLimits limits;
    private final ServerSocket server;
    private final InetSocketAddress address;
    private final ThreadPoolExecutor connections;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    private StreamListener(
            NodeContext node,
            MediaTransport transport,
            StreamConnection.Kind kind,
            StreamLimits limits,
            ServerSocket server) {
        this.node = node;
        this.transport = transport;
        this.kind = kind;
        this.limits = limits;
        this.server = server;
        this.address = (InetSocketAddress) server.getLocalSocketAddress();
        String name = "node-" + node.nodeId() + "-" + transport.id();
        this.connections = new ThreadPoolExecutor(
                0,
                limits.maxConnections(),
                30,
                TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                new NamedThreadFactory(name + "-conn"));
        this.acceptor = NamedThreadFactory.start(name + "-accept", this::acceptLoop);
    }

    /**
     * Binds {@code address} with sockets from {@code factory} (plain, or TLS with the node's
     * certificate) and starts accepting.
     *
     * @throws ListenerBindException when the address cannot be bound
     */
    static StreamListener open(
            NodeContext node,
            MediaTransport transport,
            InetSocketAddress address,
            ServerSocketFactory factory,
            StreamConnection.Kind kind,
            StreamLimits limits)
            throws ListenerBindException {
        ServerSocket server = null;
        try {
            server = factory.createServerSocket();
            // Lets a restarted emulator bind again while old connections sit in TIME_WAIT.
            server.setReuseAddress(true);
            server.bind(address, BACKLOG);
            return new StreamListener(node, transport, kind, limits, server);
        } catch (IOException e) {
            closeQuietly(server);
            throw new ListenerBindException(node.nodeId(), transport, address, e);
        }
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    log.warn(
                            "stream.accept_failed node={} transport={} error={}",
                            node.nodeId(),
                            transport.id(),
                            e.toString());
                }
                continue;
            }
            serve(socket);
        }
    }

    private void serve(Socket socket) {
        if (open.size() >= limits.maxConnections()) {
            log.warn(
                    "stream.refused node={} transport={} from={} reason=connection-limit limit={}",
                    node.nodeId(),
                    transport.id(),
                    LogFormat.address(socket.getRemoteSocketAddress()),
                    limits.maxConnections());
            closeQuietly(socket);
            return;
        }
        open.add(socket);
        StreamConnection connection = new StreamConnection(node, transport, kind, limits, socket);
        try {
            connections.execute(() -> {
                try {
                    connection.run();
                } finally {
                    open.remove(socket);
                }
            });
        } catch (RejectedExecutionException e) {
            open.remove(socket);
            closeQuietly(socket);
            if (!closed) {
                log.warn("stream.refused node={} transport={} reason=no-thread", node.nodeId(), transport.id());
            }
        }
        if (closed) {
            // close() may have swept the open set just before this socket joined it.
            closeQuietly(socket);
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        connections.shutdown();
        try {
            acceptor.join(TimeUnit.SECONDS.toMillis(2));
            if (!connections.awaitTermination(2, TimeUnit.SECONDS)) {
                connections.shutdownNow();
                log.warn("stream.stop_slow node={} transport={}", node.nodeId(), transport.id());
            }
        } catch (InterruptedException e) {
            connections.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing during shutdown: the socket is gone either way, and there is nobody to tell.
            log.trace("stream.close_failed error={}", e.toString());
        }
    }
}
