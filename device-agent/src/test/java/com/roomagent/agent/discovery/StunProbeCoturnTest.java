package com.roomagent.agent.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.discovery.PairResult;
import com.roomagent.protocol.framing.StreamFraming;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StunProbe} against coturn, a STUN server we did not write: proof that the probe speaks
 * plain RFC 5389 over UDP and over TCP without framing (section 7.2.2), not just our emulator's
 * dialect. coturn runs as a child process on a free loopback port.
 */
@Timeout(60)
class StunProbeCoturnTest {
    private static final Path TURNSERVER = Path.of("/usr/bin/turnserver");
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(15);

    @TempDir
    static Path workDir;

    private static Process coturn;
    private static InetSocketAddress address;

    @BeforeAll
    static void startCoturn() throws Exception {
        if (!Files.isExecutable(TURNSERVER)) {
            fail("coturn is not installed; run `make deps`");
        }
        int port = freeUdpAndTcpPort();
        address = new InetSocketAddress("127.0.0.1", port);
        Path log = workDir.resolve("turnserver.log");
        coturn = new ProcessBuilder(List.of(
                        TURNSERVER.toString(),
                        "-n",
                        "--listening-ip=127.0.0.1",
                        "--relay-ip=127.0.0.1",
                        "--listening-port=" + port,
                        "--no-tls",
                        "--no-dtls",
                        "--no-cli",
                        "--realm=probe.local",
                        "--log-file=stdout",
                        "--simple-log",
                        "--pidfile=" + workDir.resolve("turnserver.pid"),
                        "--db=" + workDir.resolve("turndb")))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        awaitAnswer(log);
    }

    @AfterAll
    static void stopCoturn() throws InterruptedException {
        if (coturn == null) {
            return;
        }
        coturn.descendants().forEach(ProcessHandle::destroy);
        coturn.destroy();
        if (!coturn.waitFor(5, TimeUnit.SECONDS)) {
            coturn.descendants().forEach(ProcessHandle::destroyForcibly);
            coturn.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void coturnAnswersOverUdpWithOurLoopbackAddress() {
        PairResult result = StunProbe.probe(
                address, MediaTransport.Protocol.UDP, StreamFraming.PLAIN_STUN, null, ProbeSettings.defaults());

        assertTrue(result.reachable(), result::toString);
        assertEquals(MediaTransport.UDP, result.transport());
        assertEquals("127.0.0.1:" + address.getPort(), result.nodeId());
        assertEquals(3, result.rttSamplesMillis().size());
        assertTrue(result.mappedAddress().startsWith("127.0.0.1:"), result.mappedAddress());
        assertNull(result.failure());
    }

    @Test
    void coturnAnswersOverTcpWithPlainStunFraming() {
        PairResult result = StunProbe.probe(
                address, MediaTransport.Protocol.TCP, StreamFraming.PLAIN_STUN, null, ProbeSettings.defaults());

        assertTrue(result.reachable(), result::toString);
        assertEquals(MediaTransport.TCP, result.transport());
        assertEquals(3, result.rttSamplesMillis().size());
        assertTrue(result.mappedAddress().startsWith("127.0.0.1:"), result.mappedAddress());
    }

    /** Probes until coturn answers, failing with its log if it exits or takes too long. */
    private static void awaitAnswer(Path log) throws IOException, InterruptedException {
        ProbeSettings quick = ProbeSettings.defaults().toBuilder()
                .udpInitialRto(Duration.ofMillis(100))
                .udpMaxTransmissions(2)
                .udpFinalWaitMultiplier(2)
                .samplesPerPair(1)
                .build();
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!coturn.isAlive()) {
                fail("coturn exited with " + coturn.exitValue() + ":\n" + Files.readString(log));
            }
            PairResult probe =
                    StunProbe.probe(address, MediaTransport.Protocol.UDP, StreamFraming.PLAIN_STUN, null, quick);
            if (probe.reachable()) {
                return;
            }
            // Refused until coturn has bound its port: wait a little for that real I/O.
            Thread.sleep(50);
        }
        fail("coturn did not answer within " + STARTUP_LIMIT + ":\n" + Files.readString(log));
    }

    /** A port free for both UDP and TCP on loopback right now, as coturn listens on both. */
    private static int freeUdpAndTcpPort() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, loopback);
                    DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, tcp.getLocalPort()))) {
                return udp.getLocalPort();
            } catch (IOException e) {
                // UDP port taken by someone else; try another.
            }
        }
        throw new IOException("no port free for both UDP and TCP on 127.0.0.1 after 20 attempts");
    }
}
