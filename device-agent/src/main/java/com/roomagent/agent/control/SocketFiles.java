package com.roomagent.agent.control;

import com.roomagent.agent.control.ControlSocketException.Reason;
import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The socket file of the control server: claiming the path (a stale file from a crash is removed,
 * a live agent is a refusal) and binding with mode 0660 from the first instant a client could see
 * it (bound under a temporary name, restricted, then renamed into place).
 */
final class SocketFiles {
    /** Linux: {@code sun_path} is 108 bytes including the terminating NUL. */
    static final int MAX_PATH_BYTES = 107;

    static final Set<PosixFilePermission> MODE_0660 = PosixFilePermissions.fromString("rw-rw----");

    private static final Logger LOG = LoggerFactory.getLogger(SocketFiles.class);

    private SocketFiles() {}

    /** Binds a server channel at {@code path}, mode 0660, after {@link #claim}ing it. The caller owns the channel. */
    static ServerSocketChannel bind(Path path) throws ControlSocketException {
        Path temporary = path.resolveSibling("." + path.getFileName() + ".new");
        checkLength(path);
        checkLength(temporary);
        claim(path);
        ServerSocketChannel server = null;
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Files.deleteIfExists(temporary);
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(temporary));
            Files.setPosixFilePermissions(temporary, MODE_0660);
            Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE);
            return server;
        } catch (IOException | UnsupportedOperationException e) {
            closeQuietly(server);
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // Best effort: the next start removes it before binding.
            }
            throw new ControlSocketException(
                    Reason.IO, path, "cannot create it: " + e.getMessage() + "; check the directory's permissions", e);
        }
    }

    /**
     * Makes {@code path} free: nothing there, or a socket nobody answers on (left by a crash), which
     * is removed.
     *
     * @throws ControlSocketException when another agent answers, or a non-socket file is there
     */
    static void claim(Path path) throws ControlSocketException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
                || Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
                || Files.isSymbolicLink(path)) {
            throw new ControlSocketException(
                    Reason.PATH_OCCUPIED,
                    path,
                    "exists and is not a socket; remove it or set control.socketPath to another path",
                    null);
        }
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(path));
            throw new ControlSocketException(
                    Reason.ANOTHER_AGENT_RUNNING,
                    path,
                    "another agent is running and answers on it; stop that agent first (systemctl stop"
                            + " room-agent), or give this one another --state-dir",
                    null);
        } catch (ConnectException e) {
            // Refused: a socket file whose server is gone, left behind by a crash.
            try {
                Files.delete(path);
                LOG.info("event=control-socket-stale-removed path={}", path);
            } catch (IOException deleteFailed) {
                throw new ControlSocketException(
                        Reason.IO,
                        path,
                        "a stale socket is there and cannot be removed: " + deleteFailed,
                        deleteFailed);
            }
        } catch (IOException e) {
            throw new ControlSocketException(
                    Reason.IO, path, "cannot check whether another agent uses it: " + e.getMessage(), e);
        }
    }

    private static void checkLength(Path path) throws ControlSocketException {
        int bytes = path.toString().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_PATH_BYTES) {
            throw new ControlSocketException(
                    Reason.PATH_TOO_LONG,
                    path,
                    "the path is " + bytes + " bytes; a Unix socket path holds at most " + MAX_PATH_BYTES
                            + ". Set control.socketPath to a shorter path",
                    null);
        }
    }

    static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("event=control-close-failed error=\"{}\"", e.toString());
        }
    }
}
