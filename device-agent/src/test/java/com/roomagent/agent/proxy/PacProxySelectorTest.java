package com.roomagent.agent.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.agent.proxy.pac.PacException;
import com.roomagent.agent.proxy.pac.PacFetcher;
import com.roomagent.agent.proxy.pac.SystemPacEnvironment;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PAC selector against a PAC file served on loopback, on a clock the test moves. */
class PacProxySelectorTest {
    private static final URI CLOUD = URI.create("https://cloud.example.com/v1/media-nodes");

    private HttpServer server;
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile String script = "function FindProxyForURL(url, host) { return 'PROXY p1:3128; DIRECT'; }";
    private final MutableClock clock = new MutableClock();
    private SystemPacEnvironment environment;
    private PacProxySelector selector;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 5);
        server.createContext("/proxy.pac", exchange -> {
            fetches.incrementAndGet();
            byte[] body = script.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        environment = new SystemPacEnvironment(clock);
        URI pac = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/proxy.pac");
        selector = new PacProxySelector(
                () -> List.of(pac),
                new PacFetcher(
                        HttpClient.newBuilder()
                                .proxy(HttpClient.Builder.NO_PROXY)
                                .build(),
                        Duration.ofSeconds(5)),
                environment,
                Duration.ofSeconds(2),
                Duration.ofMinutes(30),
                clock);
    }

    @AfterEach
    void stop() {
        environment.close();
        server.stop(0);
    }

    @Test
    void entriesBecomeProxiesInOrder() {
        assertEquals(List.of(http("p1", 3128), Proxy.NO_PROXY), selector.select(CLOUD));
        assertTrue(selector.handedOut("P1", 3128), "credentials may go to p1");
        assertTrue(!selector.handedOut("p2", 3128), "and to no other proxy");
    }

    @Test
    void thePacFileIsCachedUntilTheRefreshIntervalOrANetworkChange() {
        selector.select(CLOUD);
        selector.select(CLOUD);
        assertEquals(1, fetches.get());

        clock.advance(Duration.ofMinutes(31));
        selector.select(CLOUD);
        assertEquals(2, fetches.get());

        selector.invalidate();
        selector.select(CLOUD);
        assertEquals(3, fetches.get());
    }

    @Test
    void httpsAndSocksEntriesAreSkipped() {
        script = "function FindProxyForURL(url, host) { return 'HTTPS tls:443; SOCKS5 s:1080; PROXY p2:8080'; }";
        assertEquals(List.of(http("p2", 8080)), selector.select(CLOUD));
    }

    @Test
    void onlyUnusableEntriesIsABadResultAndGoesDirect() {
        script = "function FindProxyForURL(url, host) { return 'SOCKS s:1080'; }";
        assertEquals(List.of(Proxy.NO_PROXY), selector.select(CLOUD));
        assertEquals(
                PacException.Kind.BAD_RESULT,
                selector.lastFailure().orElseThrow().kind());
    }

    @Test
    void aProxyThatFailedToConnectMovesToTheEndForAWhile() {
        script = "function FindProxyForURL(url, host) { return 'PROXY p1:3128; PROXY p2:3128; DIRECT'; }";
        selector.connectFailed(
                CLOUD, InetSocketAddress.createUnresolved("p1", 3128), new ConnectException("Connection refused"));

        assertEquals(List.of(http("p2", 3128), Proxy.NO_PROXY, http("p1", 3128)), selector.select(CLOUD));

        clock.advance(PacProxySelector.BAD_PROXY_RETRY.plusSeconds(1));
        assertEquals(http("p1", 3128), selector.select(CLOUD).get(0));
    }

    @Test
    void httpsUrlsReachTheScriptWithoutPathOrQuery() {
        script = "function FindProxyForURL(url, host) { return 'PROXY ' + (url == 'https://cloud.example.com/' ?"
                + " 'stripped' : 'leaked') + ':1'; }";
        assertEquals(List.of(http("stripped", 1)), selector.select(URI.create("https://cloud.example.com/a?b=c")));
    }

    @Test
    void aFailedFetchIsRetriedAfterThirtySecondsNotAtEveryRequest() {
        server.removeContext("/proxy.pac");
        server.createContext("/proxy.pac", exchange -> {
            fetches.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        assertEquals(List.of(Proxy.NO_PROXY), selector.select(CLOUD));
        assertEquals(
                PacException.Kind.FETCH, selector.lastFailure().orElseThrow().kind());
        assertTrue(selector.lastFailure().get().getMessage().contains("HTTP status 404"));
        selector.select(CLOUD);
        assertEquals(1, fetches.get());
        clock.advance(PacProxySelector.FAILURE_RETRY.plusSeconds(1));
        selector.select(CLOUD);
        assertEquals(2, fetches.get());
    }

    @Test
    void nonWebSchemesAreNeverProxied() {
        assertEquals(List.of(Proxy.NO_PROXY), selector.select(URI.create("stun://node.example:5004")));
        assertEquals(0, fetches.get());
    }

    private static Proxy http(String host, int port) {
        return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port));
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-03-18T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
