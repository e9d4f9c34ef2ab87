package com.roomagent.agent.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.agent.config.AgentConfiguration;
import com.roomagent.agent.config.ConfigurationLoader;
import com.roomagent.agent.daemon.DiscoveryAssembly;
import com.roomagent.agent.proxy.HttpProxy;
import com.roomagent.agent.proxy.PacProxySelector;
import com.roomagent.agent.proxy.ProxyConfiguration;
import com.roomagent.agent.proxy.ProxyFailure;
import com.roomagent.agent.proxy.SquidProxy;
import com.roomagent.agent.proxy.pac.PacException;
import com.roomagent.agent.proxy.pac.PacFetcher;
import com.roomagent.agent.proxy.pac.SystemPacEnvironment;
import com.roomagent.emulator.CloudEmulator;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's HTTPS client through squid on loopback (R4): an explicit proxy, Basic
 * authentication, a proxy that refuses the CONNECT, and a PAC file served over HTTP that sends
 * the cloud through squid and another host DIRECT.
 */
@Timeout(90)
class ProxyThroughSquidTest {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path state;

    private CloudEmulator emulator;
    private HttpServer web;
    private final List<String> webRequests = new CopyOnWriteArrayList<>();
    private volatile String pacScript = "function FindProxyForURL(url, host) { return 'DIRECT'; }";
    private SystemPacEnvironment pacEnvironment;

    @BeforeEach
    void start() throws Exception {
        emulator = Emulators.start(state, Emulators.node("open", "127.0.1.1").build());
        web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        web.createContext("/", exchange -> {
            webRequests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            boolean pac = exchange.getRequestURI().getPath().equals("/proxy.pac");
            byte[] body = (pac ? pacScript : "direct hello").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", pac ? "application/x-ns-proxy-autoconfig" : "text/plain");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        web.start();
        pacEnvironment = new SystemPacEnvironment(Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        pacEnvironment.close();
        web.stop(0);
        emulator.close();
    }

    @Test
    void explicitProxyCarriesTheNodeListInAConnectTunnel() throws Exception {
        try (SquidProxy squid = SquidProxy.start(signalingPort())) {
            HttpClient http = explicit(squid, "", "");

            assertFalse(nodeLists(http).fetch().nodes().isEmpty());

            assertTrue(squid.receivedConnect("127.0.0.1:" + signalingPort()), squid.requests());
        }
    }

    @Test
    void basicAuthenticationWithTheRightCredentialsOpensTheTunnel() throws Exception {
        try (SquidProxy squid = SquidProxy.start("room", "s3cret-Pa55", signalingPort())) {
            assertFalse(nodeLists(explicit(squid, "room", "s3cret-Pa55"))
                    .fetch()
                    .nodes()
                    .isEmpty());

            assertTrue(squid.receivedConnect("127.0.0.1:" + signalingPort()), squid.requests());
            assertTrue(squid.accessLog().contains("TCP_DENIED/407"), "challenged first:\n" + squid.accessLog());
            assertTrue(squid.requests().contains("Proxy-Authorization: Basic"), squid.requests());
        }
    }

    @Test
    void basicAuthenticationWithoutCredentialsIsTheProxyAuthFailure() throws Exception {
        try (SquidProxy squid = SquidProxy.start("room", "s3cret-Pa55", signalingPort())) {
            ProxyFailure failure = proxyFailure(explicit(squid, "", ""));

            assertEquals(ProxyFailure.Kind.AUTH_REQUIRED, failure.kind());
            assertEquals(407, failure.status());
            assertTrue(failure.message().contains("has no credentials"), failure.message());
        }
    }

    @Test
    void basicAuthenticationWithAWrongPasswordIsTheProxyAuthFailure() throws Exception {
        try (SquidProxy squid = SquidProxy.start("room", "s3cret-Pa55", signalingPort())) {
            ProxyFailure failure = proxyFailure(explicit(squid, "room", "wrong-password"));

            assertEquals(ProxyFailure.Kind.AUTH_REQUIRED, failure.kind());
            assertTrue(failure.message().contains("refused the device's credentials"), failure.message());
            assertFalse(failure.message().contains("wrong-password"));
        }
    }

    @Test
    void squidDenyingTheConnectIsTheRefusedFailure() throws Exception {
        try (SquidProxy squid = SquidProxy.start(SquidProxyPorts.unused())) {
            ProxyFailure failure = proxyFailure(explicit(squid, "", ""));

            assertEquals(ProxyFailure.Kind.REFUSED, failure.kind());
            assertEquals(403, failure.status());
            assertTrue(
                    failure.message().contains("refused to connect to 127.0.0.1:" + signalingPort()),
                    failure.message());
        }
    }

    @Test
    void pacFileSendsTheCloudThroughSquidAndAnotherHostDirect() throws Exception {
        try (SquidProxy squid = SquidProxy.start(signalingPort())) {
            pacScript = "function FindProxyForURL(url, host) {\n"
                    + "  if (host == '127.0.0.1') return 'PROXY " + squid.hostAndPort() + "; DIRECT';\n"
                    + "  return 'DIRECT';\n"
                    + "}\n";
            PacProxySelector selector = pacSelector();
            HttpClient http = CloudHttp.client(
                    Emulators.trust(emulator), CONNECT_TIMEOUT, ProxyConfiguration.pac(selector, "", ""));

            assertFalse(nodeLists(http).fetch().nodes().isEmpty());
            URI other = URI.create("http://localhost:" + web.getAddress().getPort() + "/direct");
            HttpResponse<String> direct =
                    http.send(HttpRequest.newBuilder(other).build(), HttpResponse.BodyHandlers.ofString());

            assertEquals("direct hello", direct.body());
            assertTrue(webRequests.contains("GET /direct"), webRequests.toString());
            assertEquals(
                    1,
                    webRequests.stream().filter(r -> r.equals("GET /proxy.pac")).count(),
                    "fetched once");
            assertTrue(squid.receivedConnect("127.0.0.1:" + signalingPort()), squid.requests());
            assertFalse(squid.requests().contains("/direct"), "the DIRECT host went through squid");
            assertTrue(selector.lastFailure().isEmpty());
        }
    }

    @Test
    void networkProxyModePacInTheConfigurationSendsTheAgentsClientThroughTheChosenProxy() throws Exception {
        try (SquidProxy squid = SquidProxy.start("room", "s3cret-Pa55", signalingPort())) {
            pacScript = "function FindProxyForURL(url, host) {" + " return isPlainHostName(host) ? 'DIRECT' : 'PROXY "
                    + squid.hostAndPort() + "'; }";
            AgentConfiguration configuration = new ConfigurationLoader(
                            state.resolve("config"),
                            state.resolve("agent-state"),
                            Map.of(),
                            new Properties(),
                            Map.of(
                                    "cloud.signalingUrl",
                                    emulator.signalingUri().toString(),
                                    "cloud.trustAnchors",
                                    emulator.caCertificate().toString(),
                                    "network.proxyMode",
                                    "pac",
                                    "network.pacUrl",
                                    "http://127.0.0.1:" + web.getAddress().getPort() + "/proxy.pac",
                                    "network.httpProxyUser",
                                    "room",
                                    "network.httpProxyPassword",
                                    "s3cret-Pa55"))
                    .load();
            HttpClient http = DiscoveryAssembly.cloudHttp(configuration, DiscoveryAssembly.cloudTrust(configuration));

            assertFalse(nodeLists(http).fetch().nodes().isEmpty());
            assertTrue(squid.receivedConnect("127.0.0.1:" + signalingPort()), squid.requests());
        }
    }

    @Test
    void proxyCredentialsAnswerTheProxyThePacFileChose() throws Exception {
        try (SquidProxy squid = SquidProxy.start("room", "s3cret-Pa55", signalingPort())) {
            pacScript = "function FindProxyForURL(url, host) { return 'PROXY " + squid.hostAndPort() + "'; }";
            HttpClient http = CloudHttp.client(
                    Emulators.trust(emulator),
                    CONNECT_TIMEOUT,
                    ProxyConfiguration.pac(pacSelector(), "room", "s3cret-Pa55"));

            assertFalse(nodeLists(http).fetch().nodes().isEmpty());
            assertTrue(squid.receivedConnect("127.0.0.1:" + signalingPort()), squid.requests());
            assertTrue(squid.requests().contains("Proxy-Authorization: Basic"), squid.requests());
        }
    }

    @Test
    void aPacFileThatThrowsFallsBackToDirectAndSaysWhy() throws Exception {
        try (SquidProxy squid = SquidProxy.start(signalingPort())) {
            pacScript = "function FindProxyForURL(url, host) { throw 'broken on purpose'; }";
            PacProxySelector selector = pacSelector();
            HttpClient http = CloudHttp.client(
                    Emulators.trust(emulator), CONNECT_TIMEOUT, ProxyConfiguration.pac(selector, "", ""));

            assertFalse(nodeLists(http).fetch().nodes().isEmpty());

            PacException failure = selector.lastFailure().orElseThrow();
            assertEquals(PacException.Kind.SCRIPT_ERROR, failure.kind());
            assertTrue(failure.getMessage().contains("broken on purpose"), failure.getMessage());
            assertFalse(squid.requests().contains("CONNECT "), "nothing went through squid");
        }
    }

    @Test
    void aPacFileThatIsNotJavaScriptFallsBackToDirect() throws Exception {
        pacScript = "this is not a PAC file (";
        PacProxySelector selector = pacSelector();
        HttpClient http =
                CloudHttp.client(Emulators.trust(emulator), CONNECT_TIMEOUT, ProxyConfiguration.pac(selector, "", ""));

        assertFalse(nodeLists(http).fetch().nodes().isEmpty());
        assertEquals(
                PacException.Kind.SYNTAX, selector.lastFailure().orElseThrow().kind());
    }

    @Test
    void aPacFileThatCannotBeFetchedFallsBackToDirect() throws Exception {
        URI closed = URI.create("http://127.0.0.1:" + com.roomagent.agent.proxy.TinyProxy.freeTcpPort() + "/x.pac");
        PacProxySelector selector = new PacProxySelector(
                () -> List.of(closed),
                new PacFetcher(direct(), Duration.ofSeconds(5)),
                pacEnvironment,
                Duration.ofSeconds(2),
                Duration.ofMinutes(30),
                Clock.systemUTC());
        HttpClient http =
                CloudHttp.client(Emulators.trust(emulator), CONNECT_TIMEOUT, ProxyConfiguration.pac(selector, "", ""));

        assertFalse(nodeLists(http).fetch().nodes().isEmpty());
        PacException failure = selector.lastFailure().orElseThrow();
        assertEquals(PacException.Kind.FETCH, failure.kind());
        assertTrue(failure.getMessage().contains(closed.toString()), failure.getMessage());
    }

    private PacProxySelector pacSelector() throws Exception {
        URI pac = URI.create("http://127.0.0.1:" + web.getAddress().getPort() + "/proxy.pac");
        return new PacProxySelector(
                () -> List.of(pac),
                new PacFetcher(direct(), Duration.ofSeconds(5)),
                pacEnvironment,
                Duration.ofSeconds(2),
                Duration.ofMinutes(30),
                Clock.systemUTC());
    }

    private static HttpClient direct() throws Exception {
        return CloudHttp.client(SSLContext.getDefault(), CONNECT_TIMEOUT, ProxyConfiguration.direct());
    }

    private HttpClient explicit(SquidProxy squid, String user, String password) throws TrustAnchorException {
        return CloudHttp.client(
                Emulators.trust(emulator),
                CONNECT_TIMEOUT,
                Optional.of(new HttpProxy("127.0.0.1", squid.port(), user, password)));
    }

    private NodeListClient nodeLists(HttpClient http) {
        return new NodeListClient(http, emulator.signalingUri(), Duration.ofSeconds(10));
    }

    private ProxyFailure proxyFailure(HttpClient http) {
        CloudRequestException error =
                assertThrows(CloudRequestException.class, () -> nodeLists(http).fetch());
        assertEquals(CloudRequestException.Step.PROXY, error.step(), error.getMessage());
        return error.proxyFailure().orElseThrow();
    }

    private int signalingPort() {
        return emulator.signalingUri().getPort();
    }

    /** Ports for a squid that must refuse the cloud's. */
    private static final class SquidProxyPorts {
        static int unused() throws IOException {
            return com.roomagent.agent.proxy.TinyProxy.freeTcpPort();
        }
    }
}
