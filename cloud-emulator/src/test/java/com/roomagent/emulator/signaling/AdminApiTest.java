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
import com.roomagent.emulator.config.OrganizationConfig;
import com.roomagent.emulator.provisioning.AdminMessages;
import com.roomagent.protocol.activation.ActivationCode;
import com.roomagent.protocol.activation.ActivationRequest;
import com.roomagent.protocol.activation.ActivationResponse;
import com.roomagent.protocol.activation.CloudError;
import com.roomagent.protocol.activation.IssuedCode;
import com.roomagent.protocol.discovery.MediaTransport;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The administrator's endpoints: the bearer token, issuing codes, listing devices. */
class AdminApiTest {
    private static final URI METRICS = URI.create("https://metrics.example.com/v1");

    @TempDir
    static Path stateDir;

    private static final FakeClock clock = new FakeClock();
    private static CloudEmulator emulator;
    private static EmulatorApi api;

    @BeforeAll
    static void start() throws Exception {
        OrganizationConfig organization =
                new OrganizationConfig("org-configured", Optional.empty(), Optional.empty(), Optional.of(METRICS));
        emulator = CloudEmulator.start(
                EmulatorConfig.loopback(NodeConfig.loopback("node")
                                .withoutTransport(MediaTransport.TLS)
                                .build())
                        .withOrganization(organization),
                stateDir,
                clock);
        api = new EmulatorApi(emulator);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void adminEndpointWithoutATokenIs401NamingTheBearerScheme() throws Exception {
        HttpResponse<String> response = api.post("/v1/admin/activation-codes", null);

        assertEquals(401, response.statusCode());
        assertEquals(CloudError.UNAUTHORIZED, error(response).error());
        assertTrue(
                response.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Bearer"));
    }

    @Test
    void adminEndpointWithAnotherTokenIs401() throws Exception {
        HttpResponse<String> response =
                api.postWithAuthorization("/v1/admin/activation-codes", "Bearer not-the-admin-token-at-all", null);

        assertEquals(401, response.statusCode());
        assertEquals(CloudError.UNAUTHORIZED, error(response).error());
    }

    @Test
    void unknownAdminPathIs401BeforeItIs404() throws Exception {
        assertEquals(401, api.get("/v1/admin/secrets").statusCode());
        assertEquals(404, api.getAsAdmin("/v1/admin/secrets").statusCode());
    }

    @Test
    void issuedCodeWithoutABodyIsForTheConfiguredOrganizationForADay() throws Exception {
        HttpResponse<String> response = api.postAsAdmin("/v1/admin/activation-codes", null);

        assertEquals(201, response.statusCode(), response.body());
        IssuedCode issued = read(response, IssuedCode.class);
        ActivationCode.parse(issued.activationCode());
        assertTrue(issued.activationCode().matches("\\d{4}-\\d{4}-\\d{4}-\\d{4}"), issued.activationCode());
        assertEquals("org-configured", issued.organizationId());
        assertEquals(clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(1)), issued.expiresAt());
    }

    @Test
    void issuedCodeTakesTheOrganizationAndValidityAsked() throws Exception {
        HttpResponse<String> response =
                api.postAsAdmin("/v1/admin/activation-codes", new AdminMessages.IssueCodeRequest("org-other", 600L));

        IssuedCode issued = read(response, IssuedCode.class);
        assertEquals("org-other", issued.organizationId());
        assertEquals(clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(600), issued.expiresAt());
    }

    @Test
    void invalidOrganizationOrValidityIs400() throws Exception {
        HttpResponse<String> badOrganization =
                api.postAsAdmin("/v1/admin/activation-codes", new AdminMessages.IssueCodeRequest("org, O=evil", null));
        HttpResponse<String> badValidity =
                api.postAsAdmin("/v1/admin/activation-codes", new AdminMessages.IssueCodeRequest(null, 0L));

        assertEquals(400, badOrganization.statusCode());
        assertEquals(CloudError.BAD_REQUEST, error(badOrganization).error());
        assertEquals(400, badValidity.statusCode());
        assertTrue(error(badValidity).message().contains("validForSeconds"), badValidity.body());
    }

    @Test
    void activatedDevicesAreListedForTheAdministratorWithTheConfiguredUrls() throws Exception {
        String code = emulator.issueCode("org-configured", Duration.ofHours(1)).activationCode();
        ActivationResponse activation = read(
                api.post(
                        "/v1/activations",
                        new ActivationRequest(code, DeviceKeys.p256().csrPem(), "RK", "SN-9")),
                ActivationResponse.class);

        HttpResponse<String> list = api.getAsAdmin("/v1/admin/devices");

        assertEquals(METRICS, activation.settings().metricsUrl());
        assertEquals(
                URI.create(emulator.signalingUri() + "/content"),
                activation.settings().contentUrl());
        assertEquals(200, list.statusCode());
        AdminMessages.DeviceList devices = read(list, AdminMessages.DeviceList.class);
        assertTrue(
                devices.devices().stream()
                        .anyMatch(d -> d.deviceId().equals(activation.deviceId())
                                && d.serialNumber().equals("SN-9")),
                list.body());
        assertEquals(401, api.get("/v1/admin/devices").statusCode());
    }
}
