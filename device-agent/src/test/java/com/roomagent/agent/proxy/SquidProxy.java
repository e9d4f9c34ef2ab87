package com.roomagent.agent.proxy;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Squid, the proxy enterprise networks run, as a child process on a free loopback port: no cache,
 * CONNECT allowed only to 127.0.0.1 on the ports given, everything else denied, and optionally
 * Basic authentication with {@code basic_ncsa_auth} over an htpasswd file made with {@code openssl
 * passwd -apr1}. Runs in the foreground ({@code -N}); its files live in a directory of its own
 * (squid drops root privileges to its {@code proxy} user, which must write its logs there), removed
 * by {@link #close()}, which stops squid and its helpers.
 */
public final class SquidProxy implements AutoCloseable {
    private static final Path SQUID = Path.of("/usr/sbin/squid");
    private static final Path NCSA_AUTH = Path.of("/usr/lib/squid/basic_ncsa_auth");
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(30);

    private final Process process;
    private final int port;
    private final Path dir;

    private SquidProxy(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    /** Squid allowing CONNECT to {@code connectPorts} on 127.0.0.1, without authentication. */
    public static SquidProxy start(int... connectPorts) throws IOException, InterruptedException {
        return start("", "", connectPorts);
    }

    /**
     * Squid allowing CONNECT to {@code connectPorts} on 127.0.0.1, and only with Basic credentials
     * {@code user}/{@code password} unless {@code user} is empty.
     */
    public static SquidProxy start(String user, String password, int... connectPorts)
            throws IOException, InterruptedException {
        if (!Files.isExecutable(SQUID)) {
            fail("squid is not installed; run `make deps`");
        }
        Path dir = Files.createTempDirectory("room-agent-squid-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        int port = TinyProxy.freeTcpPort();
        StringBuilder ports = new StringBuilder();
        for (int connectPort : connectPorts) {
            ports.append(' ').append(connectPort);
        }
        List<String> config = new ArrayList<>(List.of(
                "http_port 127.0.0.1:" + port,
                "pid_filename " + dir.resolve("squid.pid"),
                "access_log stdio:" + dir.resolve("access.log"),
                "cache_log " + dir.resolve("cache.log"),
                "cache deny all",
                "cache_mem 1 MB",
                "coredump_dir " + dir,
                "visible_hostname room-agent-test",
                "pinger_enable off",
                "shutdown_lifetime 0 seconds",
                "dns_v4_first on",
                // Section 11 at level 2 logs each request's head as it arrives; the access log has a
                // line only when a tunnel closes, and the agent keeps its tunnels open.
                "debug_options ALL,1 11,2",
                "acl CONNECT method CONNECT",
                "acl loopback dst 127.0.0.1",
                "acl allowed_ports port" + (ports.length() == 0 ? " 1" : ports)));
        if (!user.isEmpty()) {
            Path htpasswd = dir.resolve("htpasswd");
            Files.writeString(htpasswd, user + ":" + apr1(password) + "\n");
            config.addAll(List.of(
                    "auth_param basic program " + NCSA_AUTH + " " + htpasswd,
                    "auth_param basic realm room-agent-test",
                    "auth_param basic children 2",
                    "acl authenticated proxy_auth REQUIRED",
                    "http_access deny !authenticated"));
        }
        config.addAll(List.of("http_access allow CONNECT loopback allowed_ports", "http_access deny all"));
        Path conf = dir.resolve("squid.conf");
        Files.write(conf, config);
        for (Path file : List.of(conf, dir.resolve("htpasswd"))) {
            if (Files.exists(file)) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
        Process process = new ProcessBuilder(List.of(SQUID.toString(), "-N", "-f", conf.toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("squid.out").toFile())
                .start();
        SquidProxy proxy = new SquidProxy(process, port, dir);
        try {
            proxy.awaitListening();
        } catch (IOException | InterruptedException | AssertionError e) {
            proxy.close();
            throw e;
        }
        return proxy;
    }

    public int port() {
        return port;
    }

    /** Where squid listens, as {@code 127.0.0.1:port}: the value of {@code network.httpProxy}. */
    public String hostAndPort() {
        return "127.0.0.1:" + port;
    }

    /**
     * The request heads squid received so far (its cache.log at debug level 11,2), such as {@code
     * CONNECT 127.0.0.1:4443 HTTP/1.1} followed by the headers, {@code Proxy-Authorization}
     * included. Written as each request arrives.
     */
    public String requests() throws IOException {
        return read("cache.log");
    }

    /**
     * Whether squid received {@code CONNECT host:port}, waiting up to 5 s for its log to show it.
     */
    public boolean receivedConnect(String hostAndPort) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        String needle = "CONNECT " + hostAndPort + " HTTP/1.1";
        while (System.nanoTime() < deadline) {
            if (requests().contains(needle)) {
                return true;
            }
            Thread.sleep(100); // squid writes the line as it reads the request: real I/O
        }
        return requests().contains(needle);
    }

    /** The access log as it is now: a line per finished transaction, refusals included. */
    public String accessLog() throws IOException {
        return read("access.log");
    }

    /** Stops squid and its helpers: politely, then forcibly after 5 s; removes its directory. */
    @Override
    public void close() {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.forEach(ProcessHandle::destroyForcibly);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Left in /tmp: harmless.
        }
    }

    private String read(String name) throws IOException {
        Path file = dir.resolve(name);
        return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("squid exited with " + process.exitValue() + ":\n" + read("squid.out") + read("cache.log"));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException refused) {
                Thread.sleep(100); // refused until squid has bound its port: real I/O
            }
        }
        fail("squid did not listen within " + STARTUP_LIMIT + ":\n" + read("cache.log"));
    }

    /** An Apache MD5 ({@code $apr1$}) hash of {@code password}, which basic_ncsa_auth reads. */
    private static String apr1(String password) throws IOException, InterruptedException {
        Process openssl = new ProcessBuilder("openssl", "passwd", "-apr1", "-stdin")
                .redirectErrorStream(true)
                .start();
        openssl.getOutputStream().write((password + "\n").getBytes(StandardCharsets.UTF_8));
        openssl.getOutputStream().close();
        String hash = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!openssl.waitFor(10, TimeUnit.SECONDS) || openssl.exitValue() != 0 || !hash.startsWith("$apr1$")) {
            fail("openssl passwd -apr1 failed: " + hash);
        }
        return hash;
    }
}
