package com.roomagent.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.roomagent.agent.control.ControlJson;
import com.roomagent.agent.control.ControlResponse;
import com.roomagent.agent.signaling.SignalingStatus;
import com.roomagent.protocol.discovery.DiscoveryReport;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.discovery.PairResult;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    private static final Instant NOW = Instant.parse("2026-11-25T17:00:00Z");

    @Test
    void reportHasAProvisioningSectionAndADiscoverySection() throws Exception {
        DiscoveryReport discovery = new DiscoveryReport(
                "dev-1",
                NOW,
                812,
                "boot",
                List.of(new PairResult(
                        "node-a",
                        MediaTransport.UDP,
                        "127.0.0.1:5004",
                        true,
                        3.5,
                        List.of(3.5),
                        1,
                        "127.0.0.1:40000",
                        null,
                        null)));
        ControlResponse status = new ControlResponse(
                true, null, null, null, "provisioned", "dev-1", "org-demo", NOW, null, null, discovery, null, null);

        JsonNode report = ControlJson.mapper().readTree(ReportCommand.render(status, NOW));

        assertEquals("2026-11-25T17:00:00Z", report.get("generatedAt").asText());
        assertEquals("provisioned", report.at("/provisioning/state").asText());
        assertEquals("dev-1", report.at("/provisioning/deviceId").asText());
        assertEquals("org-demo", report.at("/provisioning/organizationId").asText());
        assertEquals("node-a", report.at("/discovery/results/0/nodeId").asText());
        assertEquals(812, report.at("/discovery/durationMillis").asLong());
    }

    @Test
    void aRegisteredAgentsReportHasARegistrationSection() throws Exception {
        ControlResponse status = new ControlResponse(
                        true, null, null, null, "provisioned", "dev-1", "org-demo", NOW, null, null, null, null, null)
                .withRegistration(new SignalingStatus(
                        "registered",
                        "reg-1",
                        URI.create("wss://127.0.0.2:443/v1/devices/events"),
                        NOW,
                        2,
                        7,
                        null,
                        null));

        JsonNode report = ControlJson.mapper().readTree(ReportCommand.render(status, NOW));

        assertEquals("registered", report.at("/registration/state").asText());
        assertEquals("reg-1", report.at("/registration/registrationId").asText());
        assertEquals(
                "wss://127.0.0.2:443/v1/devices/events",
                report.at("/registration/eventChannelUrl").asText());
        assertEquals(
                "2026-11-25T17:00:00Z",
                report.at("/registration/connectedSince").asText());
        assertEquals(2, report.at("/registration/reconnects").asInt());
        assertEquals(7, report.at("/registration/lastEventSeq").asLong());
        assertTrue(report.at("/registration/cause").isMissingNode());
    }

    @Test
    void unprovisionedDeviceReportsItsStateAndNoDiscovery() throws Exception {
        ControlResponse status =
                new ControlResponse(true, null, null, null, "pairing", null, null, null, null, null, null, null, null);

        JsonNode report = ControlJson.mapper().readTree(ReportCommand.render(status, NOW));

        assertEquals("pairing", report.at("/provisioning/state").asText());
        assertTrue(report.get("discovery").isNull());
        assertTrue(report.get("registration").isNull());
    }

    @Test
    void withoutARunningAgentTheReportSaysSoAndFails(@TempDir Path configDir, @TempDir Path stateDir) {
        InProcessCli.Outcome outcome = InProcessCli.run(InProcessCli.command("report", configDir, stateDir));

        assertEquals(ExitCodes.AGENT_NOT_RUNNING, outcome.exitCode(), outcome::describe);
    }
}
