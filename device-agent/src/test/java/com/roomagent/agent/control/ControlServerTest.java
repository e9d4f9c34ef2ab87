package com.roomagent.agent.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The control socket on real Unix domain sockets in a temporary directory. */
@Timeout(30)
class ControlServerTest {
    /** Generous read timeout: a loaded machine can take a while to write one request line. */
    private static final ControlLimits FAST =
            new ControlLimits(256, Duration.ofSeconds(5), Duration.ofSeconds(1), 2, 4);
    /** A short read timeout, only for the test that waits for it to expire. */
    private static final ControlLimits IMPATIENT =
            new ControlLimits(256, Duration.ofMillis(300), Duration.ofSeconds(1), 2, 4);

    @TempDir
    Path directory;

    private ControlServer server;

    @AfterEach
    void closeServer() {
        if (server != null) {
            server.close();
        }
    }

    private void start(ControlHandler handler, ControlLimits limits) throws ControlSocketException {
        server = ControlServer.start(socket(), handler, limits);
    }

    private Path socket() {
        return directory.resolve("control.sock");
    }

    private static ControlHandler echoing() {
        return (request, peer) ->
                ControlResponse.refusal("none", request.command()).withMessage("handled " + request.command());
    }

    private ControlResponse send(ControlRequest request) throws ControlClientException {
        return new ControlClient(socket(), Duration.ofSeconds(5)).send(request);
    }

    @Test
    void eachConnectionCarriesOneRequestAndOneAnswer() throws Exception {
        start(echoing(), FAST);
        assertEquals("handled status", send(ControlRequest.status()).message());
        assertEquals(
                "handled factory-reset", send(ControlRequest.factoryReset()).message());
    }

    @Test
    void socketFileIsReadableAndWritableByOwnerAndGroupOnly() throws Exception {
        start(echoing(), FAST);
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket())));
    }

    @Test
    void closeRemovesTheSocketFile() throws Exception {
        start(echoing(), FAST);
        server.close();

        assertFalse(Files.exists(socket()));
    }

    @Test
    void staleSocketLeftByACrashIsRemovedAtStart() throws Exception {
        // A server that went away without removing its file, as a killed agent leaves it.
        try (ServerSocketChannel crashed = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            crashed.bind(UnixDomainSocketAddress.of(socket()));
        }
        assertTrue(Files.exists(socket()));

        start(echoing(), FAST);
        assertEquals("handled status", send(ControlRequest.status()).message());
    }

    @Test
    void secondAgentOnTheSameSocketIsRefused() throws Exception {
        start(echoing(), FAST);
        ControlSocketException error =
                assertThrows(ControlSocketException.class, () -> ControlServer.start(socket(), echoing(), FAST));

        assertEquals(ControlSocketException.Reason.ANOTHER_AGENT_RUNNING, error.reason());
        assertTrue(error.getMessage().contains("another agent is running"), error.getMessage());
        assertEquals("handled status", send(ControlRequest.status()).message(), "the first still answers");
    }

    @Test
    void regularFileAtTheSocketPathIsNeverDeleted() throws Exception {
        Files.writeString(socket(), "not a socket");

        ControlSocketException error =
                assertThrows(ControlSocketException.class, () -> ControlServer.start(socket(), echoing(), FAST));

        assertEquals(ControlSocketException.Reason.PATH_OCCUPIED, error.reason());
        assertEquals("not a socket", Files.readString(socket()));
    }

    @Test
    void pathLongerThanAUnixSocketAllowsIsRefusedClearly() {
        Path deep = directory.resolve("d".repeat(120)).resolve("control.sock");

        ControlSocketException error =
                assertThrows(ControlSocketException.class, () -> ControlServer.start(deep, echoing(), FAST));

        assertEquals(ControlSocketException.Reason.PATH_TOO_LONG, error.reason());
        assertTrue(error.getMessage().contains("control.socketPath"), error.getMessage());
    }

    @Test
    void requestLongerThanTheCapIsRefused() throws Exception {
        start(echoing(), FAST);
        String answer = raw("{\"command\":\"status\",\"code\":\"" + "1".repeat(400) + "\"}\n");

        assertTrue(answer.contains("\"error\":\"bad-request\""), answer);
        assertTrue(answer.contains("longer than 256 bytes"), answer);
    }

    @Test
    void malformedJsonAndUnknownCommandsAreRefused() throws Exception {
        start(echoing(), FAST);
        assertTrue(raw("not json\n").contains("\"error\":\"bad-request\""));
        assertTrue(raw("{\"command\":\"reboot\"}\n").contains("unknown command 'reboot'"));
        assertTrue(raw("{\"command\":\"activate\"}\n").contains("activate needs a \\\"code\\\" field"));
    }

    @Test
    void boardCommandsWithoutTheirValueAreRefused() throws Exception {
        start(echoing(), FAST);
        assertTrue(raw("{\"command\":\"board-shutter\"}\n").contains("board-shutter needs a \\\"closed\\\" field"));
        assertTrue(raw("{\"command\":\"board-ambient-light\",\"lux\":-1}\n")
                .contains("board-ambient-light needs a \\\"lux\\\" field"));
    }

    @Test
    void silentClientIsAnsweredAfterTheReadTimeout() throws Exception {
        start(echoing(), IMPATIENT);
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket()))) {
            String answer = readAll(channel);

            assertTrue(answer.contains("no complete request line within 300 ms"), answer);
        }
    }

    @Test
    void requestsBeyondTheHandlersAndQueueAreAnsweredBusy() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ControlHandler blocking = (request, peer) -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ControlResponse.refusal("none", "done");
        };
        ControlLimits one = new ControlLimits(256, Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 1);
        ExecutorService clients = Executors.newFixedThreadPool(3);
        try {
            start(blocking, one);
            List<Future<ControlResponse>> answers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                answers.add(clients.submit(() -> send(ControlRequest.status())));
            }
            ControlResponse busy = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (busy == null && System.nanoTime() < deadline) {
                for (Future<ControlResponse> answer : answers) {
                    if (answer.isDone()) {
                        busy = answer.get();
                    }
                }
                Thread.sleep(10); // waiting for real socket I/O in the client threads, bounded
            }
            release.countDown();

            assertTrue(busy != null, "one of three requests is answered at once");
            assertEquals(ControlResponse.BUSY, busy.error());
        } finally {
            release.countDown();
            clients.shutdownNow();
        }
    }

    @Test
    void clientWithoutAgentIsToldNoAgentRuns() {
        ControlClientException error = assertThrows(ControlClientException.class, () -> send(ControlRequest.status()));

        assertEquals(ControlClientException.Reason.AGENT_NOT_RUNNING, error.reason());
        assertTrue(error.getMessage().contains("room-agent run"), error.getMessage());
    }

    @Test
    void requestsShowTheirCodeNowhereButOnTheWire() {
        assertFalse(ControlRequest.activate("4821-0937-5562-1184").toString().contains("4821"));
    }

    private String raw(String request) throws IOException {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket()))) {
            channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8)));
            return readAll(channel);
        }
    }

    private static String readAll(SocketChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        while (channel.read(buffer) >= 0 && buffer.hasRemaining()) {
            // until the server closes the connection
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }
}
