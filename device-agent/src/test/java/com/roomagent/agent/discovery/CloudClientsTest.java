package com.roomagent.agent.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.agent.discovery.CloudRequestException.Step;
import com.roomagent.emulator.CloudEmulator;
import com.roomagent.protocol.discovery.DiscoveryReport;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The node list and report clients against the emulator, and every way a request can fail. */
@Timeout(30)
class CloudClientsTest {
    @TempDir
    static Path state;

    private static CloudEmulator emulator;

    @BeforeAll
    static void startEmulator() throws Exception {
        emulator = Emulators.start(
                state,
                Emulators.node("a", "127.0.1.1").build(),
                Emulators.node("b", "127.0.1.2").build());
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @Test
    void theNodeListIsTheOneTheCloudServes() throws Exception {
        assertEquals(emulator.nodeList(), Emulators.nodeLists(emulator).fetch());
    }

    @Test
    void aTrailingSlashOnTheSignalingUriMakesNoDifference() throws Exception {
        NodeListClient client = new NodeListClient(
                Emulators.http(emulator), URI.create(emulator.signalingUri() + "/"), Duration.ofSeconds(5));

        assertEquals(URI.create(emulator.signalingUri() + "/v1/media-nodes"), client.uri());
        assertEquals(emulator.nodeList(), client.fetch());
    }

    @Test
    void aReportArrivesInTheCloudsStore() throws Exception {
        DiscoveryReport report =
                new DiscoveryReport("room-7", Instant.parse("2026-11-25T08:00:00Z"), 12, "manual", List.of());

        Emulators.reports(emulator).send(report);

        assertEquals(report, emulator.reports().latest("room-7").orElseThrow());
    }

    @Test
    void aRefusedConnectionFailsAtConnect() throws Exception {
        URI closed = Emulators.closedHttpsUri();
        NodeListClient client = new NodeListClient(Emulators.http(emulator), closed, Duration.ofSeconds(5));

        CloudRequestException error = assertThrows(CloudRequestException.class, client::fetch);

        assertEquals(Step.CONNECT, error.step());
        assertEquals(URI.create(closed + "/v1/media-nodes"), error.uri());
        assertTrue(
                error.getMessage().startsWith("GET " + closed + "/v1/media-nodes failed at connect: "),
                error.getMessage());
    }

    @Test
    void aServerCertificateFromAnotherAuthorityFailsAtTls() throws Exception {
        HttpClient defaultTrust = CloudHttp.client(SSLContext.getDefault(), Duration.ofSeconds(2));
        NodeListClient client = new NodeListClient(defaultTrust, emulator.signalingUri(), Duration.ofSeconds(5));

        CloudRequestException error = assertThrows(CloudRequestException.class, client::fetch);

        assertEquals(Step.TLS, error.step());
        assertTrue(error.getMessage().contains("not trusted"), error.getMessage());
    }

    @Test
    void anErrorStatusIsReportedWithTheStartOfTheBody() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(503, "<html>\n  maintenance until 10:00\n</html>")) {
            NodeListClient client = new NodeListClient(HttpClient.newHttpClient(), server.uri(), Duration.ofSeconds(5));

            CloudRequestException error = assertThrows(CloudRequestException.class, client::fetch);

            assertEquals(Step.HTTP_STATUS, error.step());
            assertEquals(OptionalInt.of(503), error.status());
            assertTrue(
                    error.getMessage()
                            .endsWith("failed at HTTP status: status 503: <html> maintenance until 10:00 </html>"),
                    error.getMessage());
        }
    }

    @Test
    void aBodyThatIsNotANodeListIsABadBody() throws Exception {
        try (ScriptedHttpServer server = new ScriptedHttpServer(200, "{\"nodes\": 42}")) {
            NodeListClient client = new NodeListClient(HttpClient.newHttpClient(), server.uri(), Duration.ofSeconds(5));

            CloudRequestException error = assertThrows(CloudRequestException.class, client::fetch);

            assertEquals(Step.BAD_BODY, error.step());
            assertTrue(error.getMessage().contains("not a node list: "), error.getMessage());
            assertTrue(error.getMessage().endsWith("in {\"nodes\": 42}"), error.getMessage());
        }
    }
}
