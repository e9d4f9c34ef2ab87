package com.roomagent.emulator.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.roomagent.emulator.CaTrust;
import com.roomagent.emulator.CloudEmulator;
import com.roomagent.emulator.config.EmulatorConfig;
import com.roomagent.emulator.config.NodeConfig;
import com.roomagent.protocol.discovery.DiscoveryJson;
import com.roomagent.protocol.discovery.DiscoveryReport;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.discovery.NodeList;
import com.roomagent.protocol.discovery.PairResult;
import com.roomagent.protocol.discovery.ProbeFailure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signaling API over real HTTPS, as a device calls it: trusting only ca.pem. */
class SignalingServerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = DiscoveryJson.mapper();

    @TempDir
    static Path stateDir;

    private static CloudEmulator emulator;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        emulator = CloudEmulator.start(
                EmulatorConfig.loopback(
                        NodeConfig.loopback("node-a").build(),
                        NodeConfig.loopback("node-b")
                                .withoutTransport(MediaTransport.TLS)
                                .build()),
                stateDir);
        client = HttpClient.newBuilder()
                .sslContext(CaTrust.trusting(emulator.caCertificate()))
                .connectTimeout(TIMEOUT)
                .build();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void nodeListIsServedOverHttpsToAClientTrustingOnlyTheCa() throws Exception {
        HttpResponse<String> response = get("/v1/media-nodes");

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        NodeList served = JSON.readValue(response.body(), NodeList.class);
        assertEquals(emulator.nodeList(), served);
        assertEquals(
                List.of("node-a", "node-b"),
                served.nodes().stream().map(n -> n.id()).toList());
        served.nodes().forEach(node -> node.ports().values().forEach(port -> assertTrue(port > 0, node.id())));
    }

    @Test
    void nodeListAdvertisesOnlyOfferedTransports() throws Exception {
        NodeList served = JSON.readValue(get("/v1/media-nodes").body(), NodeList.class);

        assertTrue(served.nodes().get(1).port(MediaTransport.TLS).isEmpty());
    }

    @Test
    void clientWithTheDefaultTrustStoreRejectsTheServer() {
        HttpClient defaultTrust =
                HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

        assertThrows(
                SSLHandshakeException.class,
                () -> defaultTrust.send(request("/v1/health").build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void healthAnswers200() throws Exception {
        assertEquals(200, get("/v1/health").statusCode());
    }

    @Test
    void postedReportIsStoredAndServedAsLatest() throws Exception {
        DiscoveryReport report = report("room-1");

        HttpResponse<String> posted = post("/v1/devices/room-1/discovery-reports", JSON.writeValueAsString(report));
        HttpResponse<String> latest = get("/v1/devices/room-1/discovery-reports/latest");

        assertEquals(204, posted.statusCode());
        assertEquals(200, latest.statusCode());
        assertEquals(report, JSON.readValue(latest.body(), DiscoveryReport.class));
        assertEquals(report, emulator.reports().latest("room-1").orElseThrow());
    }

    @Test
    void latestReportOfASilentDeviceIs404() throws Exception {
        HttpResponse<String> response = get("/v1/devices/never-reported/discovery-reports/latest");

        assertEquals(404, response.statusCode());
        assertTrue(error(response).contains("never-reported"));
    }

    @Test
    void malformedJsonIs400WithAJsonError() throws Exception {
        HttpResponse<String> response = post("/v1/devices/room-2/discovery-reports", "{\"deviceId\": ");

        assertEquals(400, response.statusCode());
        assertTrue(error(response).startsWith("malformed discovery report"), error(response));
        assertTrue(emulator.reports().latest("room-2").isEmpty());
    }

    @Test
    void reportWithAnUnknownFieldIs400() throws Exception {
        String body = JSON.writeValueAsString(report("room-3")).replaceFirst("\\{", "{\"extra\": 1,");

        assertEquals(400, post("/v1/devices/room-3/discovery-reports", body).statusCode());
    }

    @Test
    void deviceIdMismatchIs400() throws Exception {
        HttpResponse<String> response =
                post("/v1/devices/room-4/discovery-reports", JSON.writeValueAsString(report("someone-else")));

        assertEquals(400, response.statusCode());
        assertTrue(error(response).contains("differs from the path"), error(response));
        assertTrue(emulator.reports().latest("room-4").isEmpty());
        assertTrue(emulator.reports().latest("someone-else").isEmpty());
    }

    @Test
    void reportOverOneMebibyteIs413() throws Exception {
        String huge = "{\"padding\": \"" + "x".repeat(SignalingRoutes.MAX_REPORT_BYTES) + "\"}";

        assertEquals(413, post("/v1/devices/room-5/discovery-reports", huge).statusCode());
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() throws Exception {
        assertEquals(404, get("/v1/nothing-here").statusCode());
        assertEquals(404, get("/v1/devices/room-1/settings").statusCode());
        assertEquals(405, post("/v1/media-nodes", "{}").statusCode());
        assertEquals(405, get("/v1/devices/room-1/discovery-reports").statusCode());
    }

    @Test
    void invalidDeviceIdIs400() throws Exception {
        HttpResponse<String> response = get("/v1/devices/room%201/discovery-reports/latest");

        assertEquals(400, response.statusCode());
        assertTrue(error(response).startsWith("invalid device id"), error(response));
    }

    private static DiscoveryReport report(String deviceId) {
        PairResult reachable = new PairResult(
                "node-a",
                MediaTransport.UDP,
                "127.0.0.1:5004",
                true,
                1.5,
                List.of(1.4, 1.5, 1.7),
                3,
                "127.0.0.1:40000",
                null,
                null);
        PairResult blocked = new PairResult(
                "node-b",
                MediaTransport.TCP,
                "127.0.0.1:5004",
                false,
                null,
                List.of(),
                1,
                null,
                ProbeFailure.REFUSED,
                "connection refused");
        return new DiscoveryReport(
                deviceId, Instant.parse("2026-11-25T10:00:00Z"), 812, "boot", List.of(reachable, blocked));
    }

    private static String error(HttpResponse<String> response) throws Exception {
        JsonNode body = JSON.readTree(response.body());
        return body.get("error").asText();
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(emulator.signalingUri() + path))
                .timeout(TIMEOUT);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return client.send(
                request(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
