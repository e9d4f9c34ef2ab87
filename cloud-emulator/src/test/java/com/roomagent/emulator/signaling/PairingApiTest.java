package com.roomagent.emulator.signaling;

import static com.roomagent.emulator.EmulatorApi.error;
import static com.roomagent.emulator.EmulatorApi.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.roomagent.emulator.CloudEmulator;
import com.roomagent.emulator.DeviceKeys;
import com.roomagent.emulator.EmulatorApi;
import com.roomagent.emulator.FakeClock;
import com.roomagent.emulator.config.EmulatorConfig;
import com.roomagent.emulator.config.NodeConfig;
import com.roomagent.emulator.config.RateLimitConfig;
import com.roomagent.emulator.config.SignalingConfig;
import com.roomagent.emulator.provisioning.ActivatedDevice;
import com.roomagent.emulator.provisioning.AdminMessages;
import com.roomagent.protocol.activation.ActivationResponse;
import com.roomagent.protocol.activation.CloudError;
import com.roomagent.protocol.activation.PairingRequest;
import com.roomagent.protocol.activation.PairingSession;
import com.roomagent.protocol.discovery.MediaTransport;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pairing without a code: the device asks, polls, an administrator approves. */
class PairingApiTest {
    @TempDir
    static Path stateDir;

    private static final FakeClock clock = new FakeClock();
    private static CloudEmulator emulator;
    private static EmulatorApi api;

    @BeforeAll
    static void start() throws Exception {
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
    void pairingOffersAShortCodeAQrUriAndTenMinutes() throws Exception {
        HttpResponse<String> response = api.post("/v1/pairings", request(DeviceKeys.p256()));

        assertEquals(201, response.statusCode(), response.body());
        PairingSession session = read(response, PairingSession.class);
        assertTrue(session.shortCode().matches("[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}"), session.shortCode());
        assertEquals(URI.create(emulator.signalingUri() + "/pair/" + session.shortCode()), session.pairingUri());
        assertEquals(clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofMinutes(10)), session.expiresAt());
        assertEquals(2, session.pollIntervalSeconds());
        assertTrue(session.pairingId().length() >= 22, session.pairingId());
    }

    @Test
    void pollIsPendingUntilApprovedThenReturnsTheCertificate() throws Exception {
        DeviceKeys device = DeviceKeys.p256();
        PairingSession session = read(api.post("/v1/pairings", request(device)), PairingSession.class);
        String poll = "/v1/pairings/" + session.pairingId();

        HttpResponse<String> pending = api.get(poll);
        HttpResponse<String> approval = api.postAsAdmin(
                "/v1/admin/pairings/" + session.shortCode() + "/approve",
                new AdminMessages.ApprovePairingRequest("org-paired"));
        HttpResponse<String> approved = api.get(poll);

        assertEquals(202, pending.statusCode());
        assertEquals(Map.of("status", "pending"), read(pending, Map.class));
        assertEquals(200, approval.statusCode(), approval.body());
        AdminMessages.PairingApproval answer = read(approval, AdminMessages.PairingApproval.class);
        assertEquals(session.shortCode(), answer.shortCode());
        assertEquals(ActivatedDevice.Enrollment.PAIRING, answer.device().enrollment());
        assertEquals(200, approved.statusCode(), approved.body());
        ActivationResponse activation = read(approved, ActivationResponse.class);
        assertEquals(answer.device().deviceId(), activation.deviceId());
        assertEquals("org-paired", activation.organizationId());
        X509Certificate leaf = EmulatorApi.verifiedLeaf(activation.certificateChainPem(), emulator.caCertificate());
        assertEquals(device.keys().getPublic(), leaf.getPublicKey());
        assertEquals(activation, read(api.get(poll), ActivationResponse.class), "polling again gives the same answer");
    }

    @Test
    void approvalAcceptsTheCodeInLowerCaseWithoutItsDash() throws Exception {
        PairingSession session = read(api.post("/v1/pairings", request(DeviceKeys.p256())), PairingSession.class);
        String typed = session.shortCode().replace("-", "").toLowerCase(Locale.ROOT);

        assertTrue(emulator.approvePairing(typed));
        assertEquals(200, api.get("/v1/pairings/" + session.pairingId()).statusCode());
        assertFalse(emulator.approvePairing(typed), "an approved pairing is no longer pending");
    }

    @Test
    void unapprovedPairingExpiresWith410AndCannotBeApproved() throws Exception {
        PairingSession session = read(api.post("/v1/pairings", request(DeviceKeys.p256())), PairingSession.class);
        clock.advance(Duration.ofMinutes(11));

        HttpResponse<String> poll = api.get("/v1/pairings/" + session.pairingId());
        HttpResponse<String> approval = api.postAsAdmin("/v1/admin/pairings/" + session.shortCode() + "/approve", null);

        assertEquals(410, poll.statusCode());
        assertEquals(CloudError.PAIRING_EXPIRED, error(poll).error());
        assertEquals(404, approval.statusCode());
        assertEquals(CloudError.UNKNOWN_PAIRING, error(approval).error());
        assertTrue(error(approval).message().contains("it expired"), approval.body());
    }

    @Test
    void unknownPairingIs404() throws Exception {
        HttpResponse<String> response = api.get("/v1/pairings/AAAAAAAAAAAAAAAAAAAAAA");

        assertEquals(404, response.statusCode());
        assertEquals(CloudError.UNKNOWN_PAIRING, error(response).error());
    }

    @Test
    void approvingACodeNoDeviceShowsIs404() throws Exception {
        HttpResponse<String> response = api.postAsAdmin("/v1/admin/pairings/ABCD-EFGH/approve", null);

        assertEquals(404, response.statusCode());
        assertEquals(CloudError.UNKNOWN_PAIRING, error(response).error());
    }

    @Test
    void pairingWithABadCsrIs400BadCsr() throws Exception {
        HttpResponse<String> response =
                api.post("/v1/pairings", new PairingRequest(DeviceKeys.rsaCsr(), "RoomKit 1", "SN-2"));

        assertEquals(400, response.statusCode());
        assertEquals(CloudError.BAD_CSR, error(response).error());
    }

    @Test
    void pairingPageTellsThePhoneToAskTheAdministrator() throws Exception {
        PairingSession session = read(api.post("/v1/pairings", request(DeviceKeys.p256())), PairingSession.class);

        HttpResponse<String> page = api.get(session.pairingUri().getRawPath());

        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(
                page.body().contains("Ask your administrator to approve device " + session.shortCode()), page.body());
    }

    @Test
    void pairingPageForNoPendingDeviceIs404() throws Exception {
        HttpResponse<String> page = api.get("/pair/ABCD-EFGH");

        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("No device is waiting"), page.body());
    }

    @Test
    void testsCanWaitForADeviceToStartPairing() throws Exception {
        PairingSession started = read(api.post("/v1/pairings", request(DeviceKeys.p256())), PairingSession.class);

        PairingSession found = emulator.provisioning()
                .awaitPendingPairing(Duration.ofSeconds(5))
                .orElseThrow();

        assertEquals(started, found);
        JsonNode devices =
                EmulatorApi.JSON.readTree(api.getAsAdmin("/v1/admin/devices").body());
        assertTrue(devices.get("devices").isArray());
    }

    private static PairingRequest request(DeviceKeys device) {
        return new PairingRequest(device.csrPem(), "RoomKit 1", "SN-0002");
    }
}
