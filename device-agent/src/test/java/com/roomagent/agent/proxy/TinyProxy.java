package com.roomagent.agent.proxy;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * tinyproxy, an HTTP proxy we did not write, as a child process on a free loopback port. It
 * allows CONNECT only to the ports given, and asks for Basic credentials when given some. Runs in
 * the foreground ({@code -d}); as root it warns that no User is set and runs as the current user,
 * which is what a test wants. In the foreground it logs to standard output, which goes to {@link
 * #log()}. {@link #close()} stops it and every process it started.
 */
public final class TinyProxy implements AutoCloseable {
    private static final Path TINYPROXY = Path.of("/usr/bin/tinyproxy");
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(15);

    private final Process process;
    private final int port;
    private final Path log;

    private TinyProxy(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** A proxy allowing CONNECT to {@code connectPorts} only, without authentication. */
    public static TinyProxy start(Path workDir, int... connectPorts) throws IOException, InterruptedException {
        return start(workDir, "", "", connectPorts);
    }

    /**
     * A proxy allowing CONNECT to {@code connectPorts} only, asking for Basic credentials {@code
     * user} and {@code password} unless {@code user} is empty.
     */
    public static TinyProxy start(Path workDir, String user, String password, int... connectPorts)
            throws IOException, InterruptedException {
        if (!Files.isExecutable(TINYPROXY)) {
            fail("tinyproxy is not installed; run `make deps`");
        }
        int port = freeTcpPort();
        List<String> config = new ArrayList<>(List.of(
                "Port " + port,
                "Listen 127.0.0.1",
                "Allow 127.0.0.1",
                "MaxClients 10",
                "Timeout 30",
                "LogLevel Info",
                "PidFile \"" + workDir.resolve("tinyproxy.pid") + "\""));
        for (int connectPort : connectPorts) {
            config.add("ConnectPort " + connectPort);
        }
        if (!user.isEmpty()) {
            config.add("BasicAuth " + user + " " + password);
        }
        Path conf = workDir.resolve("tinyproxy.conf");
        Files.write(conf, config);
        Path log = workDir.resolve("tinyproxy.log");
        Process process = new ProcessBuilder(List.of(TINYPROXY.toString(), "-d", "-c", conf.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        TinyProxy proxy = new TinyProxy(process, port, log);
        try {
            proxy.awaitListening();
        } catch (IOException | InterruptedException | AssertionError e) {
            proxy.close();
            throw e;
        }
        return proxy;
    }

    /** Where the proxy listens, as {@code 127.0.0.1:port}: the value of {@code network.httpProxy}. */
    public String hostAndPort() {
        return "127.0.0.1:" + port;
    }

    /** What tinyproxy logged so far, one line per event, connections and CONNECTs included. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    /** Stops tinyproxy and its process tree: politely, then forcibly after 5 s. */
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

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("tinyproxy exited with " + process.exitValue() + ":\n" + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException refused) {
                // Refused until tinyproxy has bound its port: wait a little for that real I/O.
                Thread.sleep(50);
            }
        }
        fail("tinyproxy did not listen within " + STARTUP_LIMIT + ":\n" + log());
    }

    /** A loopback TCP port nothing listens on right now. */
    public static int freeTcpPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
