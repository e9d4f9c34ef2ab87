package com.roomagent.emulator.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.emulator.CloudEmulator;
import com.roomagent.emulator.DeviceKeys;
import com.roomagent.emulator.config.EmulatorConfig;
import com.roomagent.emulator.config.NodeConfig;
import com.roomagent.protocol.activation.ActivationCode;
import com.roomagent.protocol.activation.ActivationRequest;
import com.roomagent.protocol.activation.ActivationResponse;
import com.roomagent.protocol.discovery.MediaTransport;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upgrade and metrics routes' refusals, and mutual TLS with a device certificate. */
class CloudServicesRoutesTest {
    @TempDir
    static Path stateDir;

    private static CloudEmulator emulator;
    private static HttpClient device;
    private static String deviceId;

    @BeforeAll
    static void start() throws Exception {
        emulator = CloudEmulator.start(
                EmulatorConfig.loopback(NodeConfig.loopback("node")
                        .withoutTransport(MediaTransport.TLS)
                        .build()),
                stateDir);
        DeviceKeys keys = DeviceKeys.p256();
        String code = ActivationCode.parse(
                        emulator.issueCode("org-test", Duration.ofMinutes(5)).activationCode())
                .digits();
        ActivationResponse activation =
                emulator.provisioning().activate(new ActivationRequest(code, keys.csrPem(), "RoomKit 1", "SN-ROUTES"));
        deviceId = activation.deviceId();
        device = client(keys, activation.certificateChainPem());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static HttpClient client(DeviceKeys keys, List<String> chainPem) throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<Certificate> chain = new ArrayList<>();
        for (String pem : chainPem) {
            chain.add(factory.generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
        }
        char[] password = "test".toCharArray();
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry("device", keys.keys().getPrivate(), password, chain.toArray(new Certificate[0]));
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keyStore, password);
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        try (var in = Files.newInputStream(emulator.caCertificate())) {
            anchors.setCertificateEntry("ca", factory.generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(anchors);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).build();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return device.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create(emulator.signalingUri() + path);
    }

    private static HttpRequest.Builder batch(String batchId, String forDevice) {
        String body = "{\"batchId\":\"" + batchId + "\",\"deviceId\":\"" + forDevice
                + "\",\"createdAt\":\"2026-11-25T12:00:00Z\",\"records\":[]}";
        return HttpRequest.newBuilder(uri("/metrics/v1/batches")).POST(HttpRequest.BodyPublishers.ofString(body));
    }

    @Test
    void aBatchOfTheCertificatesDeviceIsStoredOnceAndAnotherDevicesIsForbidden() throws Exception {
        assertEquals(201, send(batch("routes-1", deviceId)).statusCode());
        HttpResponse<String> again = send(batch("routes-1", deviceId));
        assertEquals(200, again.statusCode());
        assertTrue(again.body().contains("\"duplicate\" : true"), again.body());

        HttpResponse<String> other = send(batch("routes-2", "someone-else"));

        assertEquals(403, other.statusCode());
        assertTrue(other.body().contains("someone-else"), other.body());
        assertTrue(emulator.metrics().batches().stream()
                .noneMatch(b -> b.batch().batchId().equals("routes-2")));
    }

    @Test
    void anUnavailableMetricsServiceAnswers503WithRetryAfter() throws Exception {
        emulator.metrics().setAvailable(false);
        try {
            HttpResponse<String> response = send(batch("routes-3", deviceId));

            assertEquals(503, response.statusCode());
            assertEquals("1", response.headers().firstValue("Retry-After").orElse(""));
        } finally {
            emulator.metrics().setAvailable(true);
        }
        assertEquals(201, send(batch("routes-3", deviceId)).statusCode());
    }

    @Test
    void publishingWithoutTheAdminTokenIs401() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/upgrades/v1/admin/images/1.0.0"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1})));

        assertEquals(401, response.statusCode());
        assertTrue(response.body().contains("admin-token"), response.body());
    }

    @Test
    void anImageOfAnotherVersionIs404() throws Exception {
        emulator.upgrades().publish("1.0.0", new byte[] {1, 2, 3});

        assertEquals(
                404,
                send(HttpRequest.newBuilder(uri("/upgrades/v1/images/0.9.0.img"))
                                .GET())
                        .statusCode());
        assertEquals(
                200,
                send(HttpRequest.newBuilder(uri("/upgrades/v1/images/1.0.0.img"))
                                .GET())
                        .statusCode());
    }
}
