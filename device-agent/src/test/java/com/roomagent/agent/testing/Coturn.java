package com.roomagent.agent.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.roomagent.agent.discovery.ProbeSettings;
import com.roomagent.agent.discovery.StunProbe;
import com.roomagent.protocol.discovery.MediaTransport;
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

/**
 * coturn, a STUN server we did not write, as a child process on a free loopback port for UDP and
 * TCP (no TLS). {@link #close()} stops it and every process it started.
 */
public final class Coturn implements AutoCloseable {
    private static final Path TURNSERVER = Path.of("/usr/bin/turnserver");
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(15);

    private final Process process;
    private final InetSocketAddress address;

    private Coturn(Process process, InetSocketAddress address) {
        this.process = process;
        this.address = address;
    }

    /** Starts coturn with its files in {@code workDir} and returns once it answers STUN over UDP. */
    public static Coturn start(Path workDir) throws IOException, InterruptedException {
        if (!Files.isExecutable(TURNSERVER)) {
            fail("coturn is not installed; run `make deps`");
        }
        int port = freeUdpAndTcpPort();
        Path log = workDir.resolve("turnserver.log");
        Process process = new ProcessBuilder(List.of(
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
        Coturn coturn = new Coturn(process, new InetSocketAddress("127.0.0.1", port));
        try {
            coturn.awaitAnswer(log);
        } catch (IOException | InterruptedException | AssertionError e) {
            coturn.close();
            throw e;
        }
        return coturn;
    }

    /** Where coturn listens, as {@code 127.0.0.1:port}. */
    public String target() {
        return "127.0.0.1:" + address.getPort();
    }

    /** Where coturn listens. */
    public InetSocketAddress address() {
        return address;
    }

    /** Stops coturn and its process tree: politely, then forcibly after 5 s. */
    @Override
    public void close() {
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (process.waitFor(5, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Probes until coturn answers, failing with its log if it exits or takes too long. */
    private void awaitAnswer(Path log) throws IOException, InterruptedException {
        ProbeSettings quick = ProbeSettings.defaults().toBuilder()
                .udpInitialRto(Duration.ofMillis(100))
                .udpMaxTransmissions(2)
                .udpFinalWaitMultiplier(2)
                .samplesPerPair(1)
                .build();
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("coturn exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            if (StunProbe.probe(address, MediaTransport.Protocol.UDP, StreamFraming.PLAIN_STUN, null, quick)
                    .reachable()) {
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
