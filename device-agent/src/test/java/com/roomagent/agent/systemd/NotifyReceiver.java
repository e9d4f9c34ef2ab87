package com.roomagent.agent.systemd;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What systemd is to the agent in these tests: a Unix datagram socket bound at a path, read through
 * the same libc calls as {@link NotifySocket} (JNA; Java 17 has no datagram Unix sockets).
 */
final class NotifyReceiver implements AutoCloseable {
    private final Path path;
    private final int fd;
    private final List<String> received = new ArrayList<>();

    NotifyReceiver(Path path) throws NotifyException {
        this.path = path;
        byte[] address = NotifySocket.sockaddr(path.toString());
        this.fd = NotifySocket.libc()
                .socket(NotifySocket.AF_UNIX, NotifySocket.SOCK_DGRAM | NotifySocket.SOCK_CLOEXEC, 0);
        try {
            NotifySocket.libc().bind(fd, address, address.length);
        } catch (LastErrorException e) {
            NotifySocket.libc().close(fd);
            throw new NotifyException("cannot bind " + path + ": errno " + e.getErrorCode(), e);
        }
    }

    String address() {
        return path.toString();
    }

    /** Every datagram received so far, in order. */
    synchronized List<String> received() {
        drain();
        return List.copyOf(received);
    }

    /**
     * Waits up to {@code limit} for a datagram that {@code wanted} accepts, among those not yet
     * consumed by an earlier call; returns it, or empty when none came.
     */
    synchronized Optional<String> await(Predicate<String> wanted, Duration limit, int[] cursor)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            drain();
            while (cursor[0] < received.size()) {
                String message = received.get(cursor[0]++);
                if (wanted.test(message)) {
                    return Optional.of(message);
                }
            }
            if (System.nanoTime() > deadline) {
                return Optional.empty();
            }
            // Datagrams come from another thread or process: a bounded poll of real I/O.
            Thread.sleep(20);
        }
    }

    private void drain() {
        byte[] buffer = new byte[4096];
        while (true) {
            long length;
            try {
                length = NotifySocket.libc()
                        .recv(fd, buffer, new NativeLong(buffer.length), NotifySocket.MSG_DONTWAIT)
                        .longValue();
            } catch (LastErrorException e) {
                if (e.getErrorCode() == NotifySocket.EAGAIN) {
                    return;
                }
                throw e;
            }
            received.add(new String(buffer, 0, (int) length, StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() {
        NotifySocket.libc().close(fd);
    }
}
