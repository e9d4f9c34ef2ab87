package com.roomagent.emulator.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.protocol.activation.OrganizationSettings;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.discovery.NodeKind;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {
    private static final String NODE =
            "{\"id\": \"n1\", \"kind\": \"cloud\", \"region\": \"r\", \"host\": \"127.0.1.1\"";

    @TempDir
    Path directory;

    @Test
    void builtInDefaultHasSixNodesOnTheRealPortsAndSignalingOn443() {
        EmulatorConfig config = ConfigFiles.builtInDefault();

        assertEquals(6, config.nodes().size());
        assertEquals(new SignalingConfig("127.0.0.1", 443, 10).withEventChannel("127.0.0.2", 443), config.signaling());
        Map<MediaTransport, Integer> realPorts = Map.of(
                MediaTransport.UDP,
                5004,
                MediaTransport.TCP,
                5004,
                MediaTransport.TLS,
                443,
                MediaTransport.UDP_LAST_RESORT,
                33434);
        config.nodes().forEach(node -> assertEquals(realPorts, node.ports(), node.id()));
        assertEquals(NodeKind.VIDEO_MESH, config.nodes().get(0).kind());
        assertTrue(config.nodes().stream()
                .anyMatch(node -> node.kind() == NodeKind.CLOUD
                        && node.mode(MediaTransport.UDP) == TransportMode.DROP
                        && node.mode(MediaTransport.TCP) == TransportMode.CLOSED));
    }

    @Test
    void fileWithEveryFieldIsRead() throws Exception {
        EmulatorConfig config = ConfigFiles.parse(resource("every-field.json"), "every-field.json");

        assertEquals(
                new SignalingConfig("127.0.0.1", 8443, 3, new RateLimitConfig(5, Duration.ofSeconds(12)))
                        .withEventChannel("127.0.0.3", 9443),
                config.signaling());
        assertEquals(
                new OrganizationConfig(
                        "org-acme",
                        Optional.of(URI.create("https://content.example.com/")),
                        Optional.of(URI.create("https://cdn.example.com/upgrades")),
                        Optional.of(URI.create("https://metrics.example.com/v1"))),
                config.organization());
        NodeConfig mesh = config.nodes().get(0);
        assertEquals(NodeKind.VIDEO_MESH, mesh.kind());
        assertEquals(Duration.ofMillis(2), mesh.delay());
        assertEquals(10443, mesh.ports().get(MediaTransport.TLS));
        assertEquals(TransportMode.DROP, mesh.mode(MediaTransport.UDP));
        assertEquals(TransportMode.CLOSED, mesh.mode(MediaTransport.TCP));
        assertEquals(TransportMode.BAD_CERTIFICATE, mesh.mode(MediaTransport.TLS));
        assertEquals(TransportMode.SERVE, mesh.mode(MediaTransport.UDP_LAST_RESORT));
    }

    @Test
    void absentFieldsTakeTheirDefaults() throws Exception {
        EmulatorConfig config = ConfigFiles.parse("{\"nodes\": [" + NODE + "}]}", "test");

        assertEquals(new SignalingConfig("127.0.0.1", 443, 10).withEventChannel("127.0.0.2", 443), config.signaling());
        assertEquals(RateLimitConfig.defaults(), config.signaling().activationRateLimit());
        EmulatorConfig ephemeral =
                ConfigFiles.parse("{\"signaling\": {\"port\": 0}, \"nodes\": [" + NODE + "}]}", "test");
        assertEquals(new SignalingConfig("127.0.0.1", 0, 10), ephemeral.signaling());
        assertEquals(OrganizationConfig.defaults(), config.organization());
        NodeConfig node = config.nodes().get(0);
        assertEquals(Duration.ZERO, node.delay());
        for (MediaTransport transport : MediaTransport.values()) {
            assertEquals(transport.defaultPort(), node.ports().get(transport));
            assertEquals(TransportMode.SERVE, node.mode(transport));
        }
    }

    @Test
    void unknownFieldIsNamedWithTheFileItsPathAndTheKnownFields() throws Exception {
        Path file = write("{\"nodes\": [" + NODE + ", \"delayMilis\": 5}]}");

        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> ConfigFiles.load(file));

        assertTrue(e.getMessage().startsWith(file + ": unknown field 'nodes[0].delayMilis'"), e.getMessage());
        assertTrue(e.getMessage().contains("delayMillis"), e.getMessage());
    }

    @Test
    void invalidJsonIsReportedWithItsLine() throws Exception {
        Path file = write("{\n\"nodes\": [\n");

        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> ConfigFiles.load(file));

        assertTrue(e.getMessage().startsWith(file + ": not valid JSON at line 3"), e.getMessage());
    }

    @Test
    void portWrittenAsAStringIsRejected() {
        InvalidConfigException e = assertThrows(
                InvalidConfigException.class,
                () -> ConfigFiles.parse("{\"nodes\": [" + NODE + ", \"ports\": {\"udp\": \"5004\"}}]}", "f.json"));

        assertTrue(e.getMessage().contains("'nodes[0].ports.udp'"), e.getMessage());
        assertTrue(e.getMessage().contains("must be a number"), e.getMessage());
    }

    @Test
    void organizationUrlsNotConfiguredLieUnderTheSignalingUri() throws Exception {
        EmulatorConfig config = ConfigFiles.parse(
                "{\"organization\": {\"upgradeUrl\": \"https://cdn.example.com/u\"}, \"nodes\": [" + NODE + "}]}",
                "f.json");

        OrganizationSettings settings = config.organization().settings(URI.create("https://127.0.0.1:8443"));

        assertEquals("org-demo", config.organization().id());
        assertEquals(URI.create("https://127.0.0.1:8443"), settings.signalingUrl());
        assertEquals(URI.create("https://127.0.0.1:8443/content"), settings.contentUrl());
        assertEquals(URI.create("https://cdn.example.com/u"), settings.upgradeUrl());
        assertEquals(URI.create("https://127.0.0.1:8443/metrics"), settings.metricsUrl());
    }

    @Test
    void badRateLimitAndOrganizationAreReportedTogether() {
        InvalidConfigException e = assertThrows(
                InvalidConfigException.class,
                () -> ConfigFiles.parse(
                        "{\"signaling\": {\"activationRateLimit\": {\"burst\": 0, \"refillSeconds\": 0}},"
                                + " \"organization\": {\"id\": \"a b\", \"metricsUrl\": \"metrics.example.com\"},"
                                + " \"nodes\": [" + NODE + "}]}",
                        "f.json"));

        assertTrue(e.getMessage().contains("signaling.activationRateLimit.burst is 0"), e.getMessage());
        assertTrue(e.getMessage().contains("signaling.activationRateLimit.refillSeconds is 0"), e.getMessage());
        assertTrue(e.getMessage().contains("organization.id is 'a b'"), e.getMessage());
        assertTrue(e.getMessage().contains("organization.metricsUrl is 'metrics.example.com'"), e.getMessage());
    }

    @Test
    void unknownFieldInTheRateLimitIsNamed() {
        InvalidConfigException e = assertThrows(
                InvalidConfigException.class,
                () -> ConfigFiles.parse(
                        "{\"signaling\": {\"activationRateLimit\": {\"bursts\": 3}}, \"nodes\": [" + NODE + "}]}",
                        "f.json"));

        assertTrue(e.getMessage().contains("unknown field 'signaling.activationRateLimit.bursts'"), e.getMessage());
    }

    @Test
    void duplicateNodeIdIsRejected() {
        InvalidConfigException e = assertThrows(
                InvalidConfigException.class,
                () -> ConfigFiles.parse(
                        "{\"nodes\": [" + NODE + ", \"ports\": {\"udp\": 0}}, " + NODE + ", \"ports\": {\"tcp\": 0}}]}",
                        "f.json"));

        assertTrue(e.getMessage().contains("node 'n1' (nodes[1]): duplicate node id"), e.getMessage());
    }

    @Test
    void twoListenersOnTheSameHostAndPortAreRejected() {
        String a =
                "{\"id\": \"a\", \"kind\": \"cloud\", \"region\": \"r\", \"host\": \"127.0.1.1\", \"ports\": {\"udp\": 5004}}";
        String b = "{\"id\": \"b\", \"kind\": \"cloud\", \"region\": \"r\", \"host\": \"127.0.1.1\","
                + " \"ports\": {\"udp-last-resort\": 5004}}";

        InvalidConfigException e = assertThrows(
                InvalidConfigException.class, () -> ConfigFiles.parse("{\"nodes\": [" + a + ", " + b + "]}", "f.json"));

        assertTrue(e.getMessage().contains("udp 127.0.1.1:5004, already used by node 'a'"), e.getMessage());
    }

    @Test
    void signalingAndANodeMayNotShareAnAddress() {
        String node =
                "{\"id\": \"a\", \"kind\": \"cloud\", \"region\": \"r\", \"host\": \"127.0.0.1\", \"ports\": {\"tls\": 443}}";

        InvalidConfigException e = assertThrows(
                InvalidConfigException.class, () -> ConfigFiles.parse("{\"nodes\": [" + node + "]}", "f.json"));

        assertTrue(e.getMessage().contains("already used by signaling"), e.getMessage());
    }

    @Test
    void portOutOfRangeIsRejected() {
        InvalidConfigException e = assertThrows(
                InvalidConfigException.class,
                () -> ConfigFiles.parse("{\"nodes\": [" + NODE + ", \"ports\": {\"tcp\": 70000}}]}", "f.json"));

        assertTrue(e.getMessage().contains("ports.tcp is 70000; use 1 to 65535, or 0"), e.getMessage());
    }

    @Test
    void hostNameIsRejectedBecauseNodesAdvertiseAddresses() {
        String node = "{\"id\": \"a\", \"kind\": \"cloud\", \"region\": \"r\", \"host\": \"media.example\"}";

        InvalidConfigException e = assertThrows(
                InvalidConfigException.class, () -> ConfigFiles.parse("{\"nodes\": [" + node + "]}", "f.json"));

        assertTrue(e.getMessage().contains("host is 'media.example'; use an IP literal"), e.getMessage());
    }

    @Test
    void badCertificateOnlyAppliesToTls() {
        InvalidConfigException e = assertThrows(
                InvalidConfigException.class,
                () -> ConfigFiles.parse(
                        "{\"nodes\": [" + NODE + ", \"transports\": {\"udp\": \"bad-certificate\"}}]}", "f.json"));

        assertTrue(e.getMessage().contains("only applies to tls"), e.getMessage());
    }

    @Test
    void unknownKindModeAndTransportAreEachNamed() {
        String node = "{\"id\": \"a\", \"kind\": \"edge\", \"region\": \"r\", \"host\": \"127.0.1.1\","
                + " \"transports\": {\"udp\": \"flaky\", \"sctp\": \"serve\"}}";

        InvalidConfigException e = assertThrows(
                InvalidConfigException.class, () -> ConfigFiles.parse("{\"nodes\": [" + node + "]}", "f.json"));

        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("kind is 'edge'; use cloud or video-mesh"), e.getMessage());
        assertTrue(e.getMessage().contains("transports.udp is 'flaky'"), e.getMessage());
        assertTrue(e.getMessage().contains("has key 'sctp'"), e.getMessage());
    }

    @Test
    void missingRequiredNodeFieldIsNamed() {
        InvalidConfigException e = assertThrows(
                InvalidConfigException.class,
                () -> ConfigFiles.parse(
                        "{\"nodes\": [{\"id\": \"a\", \"kind\": \"cloud\", \"region\": \"r\"}]}", "f.json"));

        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("nodes[0].host is missing"), e.getMessage());
    }

    @Test
    void configurationWithoutNodesIsRejected() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> ConfigFiles.parse("{}", "f.json"));

        assertTrue(e.getMessage().contains("nodes is missing or empty"), e.getMessage());
    }

    @Test
    void emptyFileIsReportedAsEmpty() {
        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> ConfigFiles.parse(" \n", "f.json"));

        assertEquals("f.json: the file is empty; write a JSON object with nodes", e.getMessage());
    }

    @Test
    void missingFileSuggestsOmittingTheOption() {
        Path missing = directory.resolve("absent.json");

        InvalidConfigException e = assertThrows(InvalidConfigException.class, () -> ConfigFiles.load(missing));

        assertTrue(e.getMessage().startsWith(missing + ": no such file"), e.getMessage());
        assertTrue(e.getMessage().contains("omit --config"), e.getMessage());
    }

    private Path write(String json) throws Exception {
        Path file = directory.resolve("emulator.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = ConfigFilesTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
