package com.roomagent.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.emulator.config.EmulatorConfig;
import com.roomagent.emulator.config.NodeConfig;
import com.roomagent.protocol.activation.ActivationCode;
import com.roomagent.protocol.activation.ActivationRequest;
import com.roomagent.protocol.activation.ActivationResponse;
import com.roomagent.protocol.activation.IssuedCode;
import com.roomagent.protocol.activation.PairingRequest;
import com.roomagent.protocol.activation.PairingSession;
import com.roomagent.protocol.discovery.DiscoveryJson;
import com.roomagent.protocol.discovery.MediaTransport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code cloud-emulator issue-code} and {@code approve} ({@code com.roomagent.emulator.admin})
 * against an emulator started in process, run through the real command line.
 */
class AdminCommandsTest {
    @TempDir
    static Path stateDir;

    @TempDir
    Path directory;

    private static CloudEmulator emulator;

    @BeforeAll
    static void start() throws Exception {
        emulator = CloudEmulator.start(
                EmulatorConfig.loopback(NodeConfig.loopback("node")
                        .withoutTransport(MediaTransport.TLS)
                        .build()),
                stateDir);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void issueCodePrintsOnlyAFormattedCodeThatActivatesADevice() throws Exception {
        Run run = run(
                "issue-code",
                "--state-dir",
                stateDir.toString(),
                "--url",
                emulator.signalingUri().toString());

        assertEquals(0, run.code(), run.err());
        String code = run.out().strip();
        assertTrue(code.matches("\\d{4}-\\d{4}-\\d{4}-\\d{4}"), run.out());
        assertTrue(run.err().contains("organization org-demo"), run.err());
        ActivationResponse activation = emulator.provisioning()
                .activate(new ActivationRequest(code, DeviceKeys.p256().csrPem(), "RoomKit 1", "SN-CLI"));
        assertEquals("org-demo", activation.organizationId());
    }

    @Test
    void issueCodeWithJsonPrintsTheIssuedCodeForTheOrganizationAndValidityAsked() throws Exception {
        Instant before = Instant.now();

        Run run = run(
                "issue-code",
                "--state-dir",
                stateDir.toString(),
                "--url",
                emulator.signalingUri().toString(),
                "--organization",
                "org-ci",
                "--valid-for",
                "15m",
                "--json");

        assertEquals(0, run.code(), run.err());
        IssuedCode issued = DiscoveryJson.mapper().readValue(run.out(), IssuedCode.class);
        ActivationCode.parse(issued.activationCode());
        assertEquals("org-ci", issued.organizationId());
        Duration validity = Duration.between(before, issued.expiresAt());
        assertTrue(validity.compareTo(Duration.ofMinutes(14)) > 0 && validity.compareTo(Duration.ofMinutes(16)) < 0);
    }

    @Test
    void issueCodeFindsTheEmulatorThroughItsReadyFile() throws Exception {
        Path ready = Files.writeString(
                directory.resolve("ready.json"),
                "{\"signalingUri\": \"" + emulator.signalingUri() + "\", \"caCertificate\": \""
                        + emulator.caCertificate() + "\", \"adminTokenFile\": \"" + emulator.adminTokenFile() + "\"}");

        Run run = run("issue-code", "--ready-file", ready.toString());

        assertEquals(0, run.code(), run.err());
        ActivationCode.parse(run.out().strip());
    }

    @Test
    void approveApprovesThePairingADeviceShows() throws Exception {
        PairingSession session = emulator.provisioning()
                .startPairing(new PairingRequest(DeviceKeys.p256().csrPem(), "RoomKit 1", "SN-PAIR"));

        Run run = run(
                "approve",
                session.shortCode(),
                "--state-dir",
                stateDir.toString(),
                "--url",
                emulator.signalingUri().toString());

        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith("approved " + session.shortCode() + ": device dev-"), run.out());
        assertTrue(emulator.provisioning().pairingResult(session.pairingId()).isPresent());
    }

    @Test
    void approveOfACodeNoDeviceShowsExitsWithOneAndSaysSo() {
        Run run = run(
                "approve",
                "ABCD-EFGH",
                "--state-dir",
                stateDir.toString(),
                "--url",
                emulator.signalingUri().toString());

        assertEquals(1, run.code());
        assertTrue(run.err().contains("no pending pairing ABCD-EFGH"), run.err());
    }

    @Test
    void issueCodeWhenNothingListensSaysToStartTheEmulator() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Run run = run("issue-code", "--state-dir", stateDir.toString(), "--url", "https://127.0.0.1:" + closedPort);

        assertEquals(1, run.code());
        assertTrue(run.err().contains("connection refused"), run.err());
        assertTrue(run.err().contains("is the cloud emulator running? start it with bin/cloud-emulator"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void approveWithAStateDirectoryNoEmulatorUsedSaysToStartTheEmulator() {
        Run run = run(
                "approve",
                "ABCD-EFGH",
                "--state-dir",
                directory.resolve("nothing").toString());

        assertEquals(1, run.code());
        assertTrue(run.err().contains("no CA certificate at"), run.err());
        assertTrue(run.err().contains("start it with bin/cloud-emulator"), run.err());
    }

    @Test
    void issueCodeWithAMissingReadyFileSaysToStartTheEmulator() {
        Run run = run(
                "issue-code", "--ready-file", directory.resolve("ready.json").toString());

        assertEquals(1, run.code());
        assertTrue(run.err().contains("no ready file at"), run.err());
    }

    @Test
    void issueCodeWithAnotherTokenIsRefusedNamingTheTokenFile() throws Exception {
        Path otherState = directory.resolve("other");
        Files.createDirectories(otherState);
        Files.copy(emulator.caCertificate(), otherState.resolve("ca.pem"));
        Files.writeString(otherState.resolve("admin-token"), "a-token-this-emulator-never-issued\n");

        Run run = run(
                "issue-code",
                "--state-dir",
                otherState.toString(),
                "--url",
                emulator.signalingUri().toString());

        assertEquals(1, run.code());
        assertTrue(run.err().contains("refused the admin token in " + otherState.resolve("admin-token")), run.err());
    }

    @Test
    void readyFileAndUrlTogetherAreAUsageError() {
        Run run = run("issue-code", "--ready-file", "ready.json", "--url", "https://127.0.0.1:1");

        assertEquals(2, run.code());
        assertTrue(run.err().contains("not both"), run.err());
    }

    @Test
    void unreadableValidityIsAUsageError() {
        Run run = run("issue-code", "--valid-for", "forever");

        assertEquals(2, run.code());
        assertTrue(run.err().contains("'forever' is not a duration"), run.err());
    }

    @Test
    void publishUpgradePublishesASignedManifestOfTheImage() throws Exception {
        byte[] image = "room-agent image 2.0.0\n".repeat(100).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Path file = Files.write(directory.resolve("image.img"), image);

        Run run = run(
                "publish-upgrade",
                "--state-dir",
                stateDir.toString(),
                "--url",
                emulator.signalingUri().toString(),
                "--version",
                "2.0.0",
                "--image",
                file.toString());

        assertEquals(0, run.code(), run.err());
        var manifest =
                DiscoveryJson.mapper().readValue(run.out(), com.roomagent.protocol.upgrade.UpgradeManifest.class);
        assertEquals("2.0.0", manifest.version());
        assertEquals(image.length, manifest.sizeBytes());
        var published = emulator.upgrades().published().orElseThrow();
        assertEquals(manifest, published.manifest());
        java.security.Signature verifier = java.security.Signature.getInstance("Ed25519");
        verifier.initVerify(
                com.roomagent.emulator.upgrade.UpgradeSigningKey.readPublicKey(emulator.upgradeSigningKey()));
        verifier.update(published.manifestBytes());
        assertTrue(verifier.verify(published.signature().orElseThrow()), "signed with the pinned key");
    }

    @Test
    void publishUpgradeRefusesAVersionThatCannotBeAPathSegment() throws Exception {
        Path file = Files.write(directory.resolve("image.img"), new byte[] {1, 2, 3});

        Run run = run(
                "publish-upgrade",
                "--state-dir",
                stateDir.toString(),
                "--url",
                emulator.signalingUri().toString(),
                "--version",
                "1.0.0 beta",
                "--image",
                file.toString());

        assertEquals(1, run.code(), run.out());
        assertTrue(run.err().contains("1.0.0 beta"), run.err());
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new CloudEmulatorCommand(ShutdownSignal.manual()));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int code = command.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {}
}
