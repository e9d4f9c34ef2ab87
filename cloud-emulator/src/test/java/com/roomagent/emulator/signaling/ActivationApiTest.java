package com.roomagent.emulator.signaling;

import static com.roomagent.emulator.EmulatorApi.error;
import static com.roomagent.emulator.EmulatorApi.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.emulator.CloudEmulator;
import com.roomagent.emulator.DeviceKeys;
import com.roomagent.emulator.EmulatorApi;
import com.roomagent.emulator.FakeClock;
import com.roomagent.emulator.config.EmulatorConfig;
import com.roomagent.emulator.config.NodeConfig;
import com.roomagent.emulator.config.RateLimitConfig;
import com.roomagent.emulator.config.SignalingConfig;
import com.roomagent.emulator.provisioning.ActivatedDevice;
import com.roomagent.protocol.activation.ActivationCode;
import com.roomagent.protocol.activation.ActivationRequest;
import com.roomagent.protocol.activation.ActivationResponse;
import com.roomagent.protocol.activation.CloudError;
import com.roomagent.protocol.activation.IssuedCode;
import com.roomagent.protocol.discovery.MediaTransport;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /v1/activations} over real HTTPS, every answer a device can get. */
class ActivationApiTest {
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    @TempDir
    static Path stateDir;

    private static final FakeClock clock = new FakeClock();
    private static CloudEmulator emulator;
    private static EmulatorApi api;

    @BeforeAll
    static void start() throws Exception {
        // A generous rate limit: every test here comes from 127.0.0.1 (RateLimitApiTest covers it).
        SignalingConfig signaling = SignalingConfig.loopbackEphemeral()
                .withActivationRateLimit(new RateLimitConfig(10_000, Duration.ofSeconds(1)));
        emulator = CloudEmulator.start(
                EmulatorConfig.loopback(NodeConfig.loopback("node")
                                .withoutTransport(MediaTransport.TLS)
                                .build())
                        .withSignaling(signaling),
                stateDir,
                clock);
        api = new EmulatorApi(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void activationReturnsAClientCertificateForTheCsrKeyThatVerifiesAgainstCaPem() throws Exception {
        IssuedCode code = emulator.issueCode("org-acme", Duration.ofHours(1));
        DeviceKeys device = DeviceKeys.p256();

        HttpResponse<String> response = api.post("/v1/activations", request(code.activationCode(), device));

        assertEquals(200, response.statusCode(), response.body());
        ActivationResponse activation = read(response, ActivationResponse.class);
        assertTrue(activation.deviceId().matches("dev-[0-9a-f]{8}"), activation.deviceId());
        assertEquals("org-acme", activation.organizationId());
        assertEquals(2, activation.certificateChainPem().size());
        X509Certificate leaf = EmulatorApi.verifiedLeaf(activation.certificateChainPem(), emulator.caCertificate());
        assertEquals(device.keys().getPublic(), leaf.getPublicKey());
        assertEquals(new X500Principal("CN=" + activation.deviceId() + ", O=org-acme"), leaf.getSubjectX500Principal());
        assertEquals(List.of(CLIENT_AUTH), leaf.getExtendedKeyUsage());
        assertEquals(
                clock.instant().minus(Duration.ofMinutes(5)).getEpochSecond(),
                leaf.getNotBefore().getTime() / 1000);
        assertEquals(emulator.signalingUri(), activation.settings().signalingUrl());
        assertEquals(
                URI.create(emulator.signalingUri() + "/content"),
                activation.settings().contentUrl());
        assertEquals(
                URI.create(emulator.signalingUri() + "/upgrades"),
                activation.settings().upgradeUrl());
        assertEquals(
                URI.create(emulator.signalingUri() + "/metrics"),
                activation.settings().metricsUrl());
        ActivatedDevice recorded = emulator.activatedDevices().stream()
                .filter(d -> d.deviceId().equals(activation.deviceId()))
                .findFirst()
                .orElseThrow();
        assertEquals(ActivatedDevice.Enrollment.ACTIVATION_CODE, recorded.enrollment());
        assertEquals("RoomKit 1", recorded.deviceModel());
    }

    @Test
    void codeTypedWithSpacesInsteadOfDashesIsAccepted() throws Exception {
        String typed = emulator.issueCode("org-demo", Duration.ofHours(1))
                .activationCode()
                .replace('-', ' ');

        assertEquals(
                200,
                api.post("/v1/activations", request(typed, DeviceKeys.p256())).statusCode());
    }

    @Test
    void codeNeverIssuedIs404UnknownCode() throws Exception {
        String neverIssued = ActivationCode.generate(new SecureRandom()).formatted();

        HttpResponse<String> response = api.post("/v1/activations", request(neverIssued, DeviceKeys.p256()));

        assertEquals(404, response.statusCode());
        assertEquals(CloudError.UNKNOWN_CODE, error(response).error());
    }

    @Test
    void usedCodeWithAnotherKeyIs409CodeUsed() throws Exception {
        String code = emulator.issueCode("org-demo", Duration.ofHours(1)).activationCode();
        assertEquals(
                200,
                api.post("/v1/activations", request(code, DeviceKeys.p256())).statusCode());

        HttpResponse<String> second = api.post("/v1/activations", request(code, DeviceKeys.p256()));

        assertEquals(409, second.statusCode());
        assertEquals(CloudError.CODE_USED, error(second).error());
    }

    @Test
    void retryWithTheSameKeyReturnsTheSameCertificateAndEnrollsOnce() throws Exception {
        String code = emulator.issueCode("org-demo", Duration.ofHours(1)).activationCode();
        DeviceKeys device = DeviceKeys.p256();
        ActivationResponse first = read(api.post("/v1/activations", request(code, device)), ActivationResponse.class);
        int enrolled = emulator.activatedDevices().size();

        HttpResponse<String> retry = api.post("/v1/activations", request(code, device));

        assertEquals(200, retry.statusCode());
        assertEquals(first, read(retry, ActivationResponse.class));
        assertEquals(enrolled, emulator.activatedDevices().size());
    }

    @Test
    void retryWithTheSameKeyAfterTheCodeExpiredIs409CodeUsed() throws Exception {
        String code = emulator.issueCode("org-demo", Duration.ofMinutes(1)).activationCode();
        DeviceKeys device = DeviceKeys.p256();
        assertEquals(200, api.post("/v1/activations", request(code, device)).statusCode());
        clock.advance(Duration.ofMinutes(2));

        HttpResponse<String> late = api.post("/v1/activations", request(code, device));

        assertEquals(409, late.statusCode());
        assertEquals(CloudError.CODE_USED, error(late).error());
    }

    @Test
    void unusedCodePastItsValidityIs410CodeExpired() throws Exception {
        String code = emulator.issueCode("org-demo", Duration.ofMinutes(1)).activationCode();
        clock.advance(Duration.ofSeconds(61));

        HttpResponse<String> response = api.post("/v1/activations", request(code, DeviceKeys.p256()));

        assertEquals(410, response.statusCode());
        CloudError error = error(response);
        assertEquals(CloudError.CODE_EXPIRED, error.error());
        assertTrue(error.message().contains("ask your administrator for a new one"), error.message());
    }

    @Test
    void malformedCodeIs400WithTheReason() throws Exception {
        HttpResponse<String> response = api.post("/v1/activations", request("1234-5678", DeviceKeys.p256()));

        assertEquals(400, response.statusCode());
        CloudError error = error(response);
        assertEquals(CloudError.BAD_REQUEST, error.error());
        assertTrue(error.message().contains("has 8 digits; it should have 16"), error.message());
    }

    @Test
    void mistypedDigitIs400NamingItsGroup() throws Exception {
        String code = emulator.issueCode("org-demo", Duration.ofHours(1)).activationCode();
        char wrong = code.charAt(5) == '9' ? '0' : (char) (code.charAt(5) + 1);
        String mistyped = code.substring(0, 5) + wrong + code.substring(6);

        HttpResponse<String> response = api.post("/v1/activations", request(mistyped, DeviceKeys.p256()));

        assertEquals(400, response.statusCode());
        assertTrue(error(response).message().startsWith("group 2 of the activation code"), response.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-pem", "rsa-key", "p384-key", "signed-by-another-key", "certificate-not-csr"})
    void badCsrIs400BadCsrAndLeavesTheCodeUnused(String kind) throws Exception {
        String code = emulator.issueCode("org-demo", Duration.ofHours(1)).activationCode();

        HttpResponse<String> response = api.post("/v1/activations", request(code, badCsr(kind), "RoomKit 1"));

        assertEquals(400, response.statusCode(), response.body());
        assertEquals(CloudError.BAD_CSR, error(response).error(), response.body());
        assertEquals(
                200,
                api.post("/v1/activations", request(code, DeviceKeys.p256())).statusCode());
    }

    @Test
    void bodyThatIsNotAnActivationRequestIs400() throws Exception {
        HttpResponse<String> response = api.post("/v1/activations", "{\"activationCode\": \"1234\"}");

        assertEquals(400, response.statusCode());
        assertEquals(CloudError.BAD_REQUEST, error(response).error());
    }

    @Test
    void getIsRefusedWith405NamingPost() throws Exception {
        HttpResponse<String> response = api.get("/v1/activations");

        assertEquals(405, response.statusCode());
        assertEquals("POST", response.headers().firstValue("Allow").orElseThrow());
        assertEquals(CloudError.BAD_REQUEST, error(response).error());
    }

    private static ActivationRequest request(String code, DeviceKeys device) {
        return request(code, device.csrPem(), "RoomKit 1");
    }

    private static ActivationRequest request(String code, String csrPem, String model) {
        return new ActivationRequest(code, csrPem, model, "SN-0001");
    }

    private static String badCsr(String kind) throws Exception {
        return switch (kind) {
            case "not-pem" -> "hello";
            case "rsa-key" -> DeviceKeys.rsaCsr();
            case "p384-key" -> DeviceKeys.p384Csr();
            case "signed-by-another-key" -> DeviceKeys.csrSignedByAnotherKey();
            case "certificate-not-csr" -> java.nio.file.Files.readString(emulator.caCertificate());
            default -> throw new IllegalArgumentException(kind);
        };
    }
}
