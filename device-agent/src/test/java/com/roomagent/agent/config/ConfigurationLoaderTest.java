package com.roomagent.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.provisioning.identity.IdentityStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationLoaderTest {
    @TempDir
    Path configDir;

    @TempDir
    Path stateDir;

    private AgentConfiguration load(Map<String, String> env, Properties system, Map<String, String> overrides)
            throws ConfigurationException {
        return new ConfigurationLoader(configDir, stateDir, env, system, overrides).load();
    }

    private AgentConfiguration load() throws ConfigurationException {
        return load(Map.of(), new Properties(), Map.of());
    }

    private void write(Path file, String content) throws IOException {
        Files.writeString(file, content);
    }

    @Test
    void builtInDefaultsApplyWhenNoLayerSetsAKey() throws Exception {
        AgentConfiguration configuration = load();

        assertEquals(Duration.ofHours(2), configuration.get(AgentSettings.DISCOVERY_RESULT_TTL));
        assertEquals(3, configuration.get(AgentSettings.DISCOVERY_SAMPLES_PER_PAIR));
        assertEquals(URI.create("https://127.0.0.1:443"), configuration.get(AgentSettings.CLOUD_SIGNALING_URL));
        assertTrue(configuration.sourceOf(AgentSettings.DISCOVERY_RESULT_TTL).startsWith("built-in"));
    }

    @Test
    void eachLayerOverridesTheOnesBelowIt() throws Exception {
        write(
                configDir.resolve("board.properties"),
                "discovery.samplesPerPair=4\ndiscovery.sampleInterval=10ms\n"
                        + "discovery.connectTimeout=1s\ndiscovery.tlsHandshakeTimeout=1s\ndiscovery.udpInitialRto=100ms\n");
        Files.createDirectories(stateDir.resolve("identity"));
        write(
                stateDir.resolve("identity/provisioned.properties"),
                "discovery.samplesPerPair=5\ndiscovery.sampleInterval=20ms\n"
                        + "discovery.connectTimeout=2s\ndiscovery.tlsHandshakeTimeout=2s\n");
        write(
                configDir.resolve("agent.properties"),
                "discovery.samplesPerPair=6\ndiscovery.sampleInterval=30ms\n" + "discovery.connectTimeout=4s\n");
        Map<String, String> env =
                Map.of("ROOM_AGENT_DISCOVERY_SAMPLES_PER_PAIR", "7", "ROOM_AGENT_DISCOVERY_SAMPLE_INTERVAL", "40ms");
        Properties system = new Properties();
        system.setProperty("roomagent.discovery.samplesPerPair", "8");

        AgentConfiguration configuration = load(env, system, Map.of());

        assertEquals(Duration.ofMillis(100), configuration.get(AgentSettings.DISCOVERY_UDP_INITIAL_RTO));
        assertEquals(Duration.ofSeconds(2), configuration.get(AgentSettings.DISCOVERY_TLS_HANDSHAKE_TIMEOUT));
        assertEquals(Duration.ofSeconds(4), configuration.get(AgentSettings.DISCOVERY_CONNECT_TIMEOUT));
        assertEquals(Duration.ofMillis(40), configuration.get(AgentSettings.DISCOVERY_SAMPLE_INTERVAL));
        assertEquals(8, configuration.get(AgentSettings.DISCOVERY_SAMPLES_PER_PAIR));
        assertTrue(
                configuration.sourceOf(AgentSettings.DISCOVERY_CONNECT_TIMEOUT).contains("agent.properties"));
        assertTrue(configuration
                .sourceOf(AgentSettings.DISCOVERY_TLS_HANDSHAKE_TIMEOUT)
                .contains("provisioned.properties"));
    }

    @Test
    void commandLineOverridesWinOverTheEnvironment() throws Exception {
        AgentConfiguration configuration = load(
                Map.of("ROOM_AGENT_DISCOVERY_SAMPLES_PER_PAIR", "7"),
                new Properties(),
                Map.of("discovery.samplesPerPair", "9"));

        assertEquals(9, configuration.get(AgentSettings.DISCOVERY_SAMPLES_PER_PAIR));
    }

    @Test
    void invalidValueNamesTheFileTheKeyAndWhatIsExpected() throws Exception {
        Path file = configDir.resolve("agent.properties");
        write(file, "discovery.samplesPerPair=three\n");

        ConfigurationException error = assertThrows(ConfigurationException.class, this::load);

        assertEquals(file.toString(), error.source());
        assertEquals("discovery.samplesPerPair", error.key().orElseThrow());
        assertTrue(error.getMessage().contains("'three' is not a whole number"), error.getMessage());
        assertTrue(error.getMessage().contains("default 3"), error.getMessage());
    }

    @Test
    void misspeltKeyIsRefusedWithASuggestion() throws Exception {
        write(configDir.resolve("board.properties"), "discovery.sampelsPerPair=3\n");

        ConfigurationException error = assertThrows(ConfigurationException.class, this::load);

        assertTrue(error.getMessage().contains("did you mean discovery.samplesPerPair?"), error.getMessage());
    }

    @Test
    void valueBelowItsMinimumIsRefused() throws Exception {
        write(configDir.resolve("agent.properties"), "discovery.resultTtl=0s\n");

        ConfigurationException error = assertThrows(ConfigurationException.class, this::load);

        assertTrue(error.getMessage().contains("must be at least 1s"), error.getMessage());
    }

    @Test
    void valueAboveItsMaximumIsRefusedAtBoot() throws Exception {
        write(configDir.resolve("agent.properties"), "discovery.udpMaxTransmissions=31\n");

        ConfigurationException error = assertThrows(ConfigurationException.class, this::load);

        assertEquals("discovery.udpMaxTransmissions", error.key().orElseThrow());
        assertTrue(error.getMessage().contains("must be at most 30"), error.getMessage());
    }

    @Test
    void describeWritesDurationsAsPeopleWriteThem() throws Exception {
        AgentConfiguration configuration = load();

        assertEquals("2h", configuration.describe().get("discovery.resultTtl"));
        assertEquals("500ms", configuration.describe().get("discovery.udpInitialRto"));
    }

    @Test
    void signalingUrlMustBeHttps() throws Exception {
        ConfigurationException error = assertThrows(
                ConfigurationException.class,
                () -> load(
                        Map.of("ROOM_AGENT_CLOUD_SIGNALING_URL", "http://cloud.example"), new Properties(), Map.of()));

        assertTrue(error.source().contains("ROOM_AGENT_CLOUD_SIGNALING_URL"), error.source());
        assertTrue(error.getMessage().contains("https://"), error.getMessage());
    }

    @Test
    void unknownSystemPropertyIsRefused() {
        Properties system = new Properties();
        system.setProperty("roomagent.discovery.nonsense", "1");

        ConfigurationException error =
                assertThrows(ConfigurationException.class, () -> load(Map.of(), system, Map.of()));

        assertEquals("system property roomagent.discovery.nonsense", error.source());
    }

    @Test
    void aDirectoryWhereAFileShouldBeIsRefused() throws Exception {
        Files.createDirectory(configDir.resolve("agent.properties"));

        ConfigurationException error = assertThrows(ConfigurationException.class, this::load);

        assertTrue(error.getMessage().contains("is not a readable file"), error.getMessage());
    }

    @Test
    void durationsAcceptShortAndIsoForms() throws Exception {
        AgentConfiguration configuration = load(
                Map.of(),
                new Properties(),
                Map.of("discovery.resultTtl", "PT30M", "discovery.networkPollInterval", "2500ms"));

        assertEquals(Duration.ofMinutes(30), configuration.get(AgentSettings.DISCOVERY_RESULT_TTL));
        assertEquals(Duration.ofMillis(2500), configuration.get(AgentSettings.DISCOVERY_NETWORK_POLL_INTERVAL));
    }

    @Test
    void provisionedLayerIsTheFileTheIdentityStoreWrites() {
        ConfigurationLoader loader = new ConfigurationLoader(configDir, stateDir, Map.of(), new Properties(), Map.of());

        assertEquals(new IdentityStore(stateDir).provisionedSettingsFile(), loader.provisionedFile());
    }

    @Test
    void cameraSettingAcceptsEachKindOfSource() throws Exception {
        assertEquals(CameraSelection.NONE, load().get(AgentSettings.PROVISIONING_CAMERA));
        assertEquals(
                new CameraSelection(CameraSelection.Kind.IMAGE, Path.of("/tmp/qr.png")),
                load(Map.of(), new Properties(), Map.of("provisioning.camera", "image:/tmp/qr.png"))
                        .get(AgentSettings.PROVISIONING_CAMERA));
        assertEquals(
                CameraSelection.Kind.TEST_PATTERN,
                load(Map.of(), new Properties(), Map.of("provisioning.camera", "test-pattern"))
                        .get(AgentSettings.PROVISIONING_CAMERA)
                        .kind());
        assertEquals(
                "v4l2:/dev/video0",
                load(Map.of(), new Properties(), Map.of("provisioning.camera", "v4l2:/dev/video0"))
                        .get(AgentSettings.PROVISIONING_CAMERA)
                        .toString());
    }

    @Test
    void unknownCameraSourceIsRefusedWithTheAcceptedForms() {
        ConfigurationException error = assertThrows(
                ConfigurationException.class,
                () -> load(Map.of(), new Properties(), Map.of("provisioning.camera", "webcam")));

        assertTrue(error.getMessage().contains("image:FILE, clip:FILE or v4l2:DEVICE"), error.getMessage());
    }

    @Test
    void controlSocketDefaultsToTheStateDirectory() throws Exception {
        assertEquals(stateDir.resolve("control.sock"), load().controlSocketPath());
        assertEquals(
                Path.of("/run/room-agent.sock"),
                load(Map.of(), new Properties(), Map.of("control.socketPath", "/run/room-agent.sock"))
                        .controlSocketPath());
    }

    @Test
    void environmentVariableNamesAreUpperSnakeCase() {
        assertEquals(
                "ROOM_AGENT_DISCOVERY_UDP_INITIAL_RTO", AgentSettings.DISCOVERY_UDP_INITIAL_RTO.environmentVariable());
        assertEquals("ROOM_AGENT_CLOUD_SIGNALING_URL", AgentSettings.CLOUD_SIGNALING_URL.environmentVariable());
    }

    @Test
    void boardLayerHandsItsBoardKeysToTheHalAndTheProfileComesFromThem() throws Exception {
        Path board = configDir.resolve("board.properties");
        write(
                board,
                "discovery.samplesPerPair=4\nboard.name=Lab kit\nboard.platform=emulated\n"
                        + "board.video.encoder=x264\nboard.muteButton.line=5\n");

        AgentConfiguration configuration = load();

        assertEquals(4, configuration.get(AgentSettings.DISCOVERY_SAMPLES_PER_PAIR));
        assertEquals("Lab kit", configuration.boardProfile().name());
        assertEquals(board.toString(), configuration.boardProfile().source());
        assertEquals(5, configuration.boardProfile().muteButton().orElseThrow().line());
    }

    @Test
    void misspeltAgentKeyBesideBoardKeysIsStillRefused() throws Exception {
        write(
                configDir.resolve("board.properties"),
                "board.name=Lab kit\nboard.platform=emulated\nboard.video.encoder=x264\n"
                        + "discovery.samplesPerPiar=4\n");

        ConfigurationException error = assertThrows(ConfigurationException.class, this::load);

        assertEquals("discovery.samplesPerPiar", error.key().orElseThrow());
        assertTrue(error.getMessage().contains("did you mean discovery.samplesPerPair?"), error.getMessage());
    }

    @Test
    void boardKeyOutsideTheBoardLayerIsRefused() throws Exception {
        write(configDir.resolve("agent.properties"), "board.muteButton.line=22\n");

        ConfigurationException error = assertThrows(ConfigurationException.class, this::load);

        assertEquals("board.muteButton.line", error.key().orElseThrow());
        assertTrue(error.getMessage().contains("read only from the board layer"), error.getMessage());
    }

    @Test
    void withoutBoardKeysTheBuiltInProfileHalBoardNamesIsUsed() throws Exception {
        assertEquals("built-in profile emulated", load().boardProfile().source());

        AgentConfiguration kit = load(Map.of(), new Properties(), Map.of("hal.board", "raspberry-pi-room-kit"));

        assertEquals(
                "built-in profile raspberry-pi-room-kit", kit.boardProfile().source());
    }

    @Test
    void unknownBuiltInProfileIsRefusedWithTheNames() {
        ConfigurationException error = assertThrows(
                ConfigurationException.class,
                () -> load(Map.of(), new Properties(), Map.of("hal.board", "raspberry-pi-6")));

        assertEquals("hal.board", error.key().orElseThrow());
        assertTrue(error.getMessage().contains("raspberry-pi-room-kit, generic-arm64, emulated"), error.getMessage());
    }

    @Test
    void brokenBoardProfileNamesTheFileTheKeyAndTheProblem() throws Exception {
        Path board = configDir.resolve("board.properties");
        write(
                board,
                "board.name=Lab kit\nboard.platform=emulated\nboard.video.encoder=x264\n"
                        + "board.ambientLight.chip=bh1750\nboard.ambientLight.i2cBus=1\nboard.ambientLight.i2cAddress=0x23\n");

        ConfigurationException error = assertThrows(ConfigurationException.class, this::load);

        assertEquals(board.toString(), error.source());
        assertEquals("board.ambientLight.chip", error.key().orElseThrow());
        assertTrue(error.getMessage().contains("'bh1750' is not one of opt3001"), error.getMessage());
    }

    @Test
    void proxyThatIsNotHostAndPortIsAnErrorNamingTheKey() {
        ConfigurationException error = assertThrows(
                ConfigurationException.class,
                () -> load(Map.of(), new Properties(), Map.of("network.httpProxy", "proxy.corp")));

        assertTrue(error.getMessage().contains("network.httpProxy"), error.getMessage());
        assertTrue(error.getMessage().contains("is not host:port"), error.getMessage());
    }

    @Test
    void proxyPortOutsideTheRangeIsAnError() {
        ConfigurationException error = assertThrows(
                ConfigurationException.class,
                () -> load(Map.of(), new Properties(), Map.of("network.httpProxy", "proxy.corp:70000")));

        assertTrue(error.getMessage().contains("port outside 1-65535"), error.getMessage());
    }

    @Test
    void proxyAcceptsNamesAddressesAndBracketedIpv6() throws Exception {
        for (String proxy : new String[] {"proxy.corp:3128", "10.0.0.1:8080", "[fd00::1]:3128"}) {
            assertEquals(
                    proxy,
                    load(Map.of(), new Properties(), Map.of("network.httpProxy", proxy))
                            .get(AgentSettings.NETWORK_HTTP_PROXY));
        }
    }

    @Test
    void proxyPasswordWithoutUserIsAnErrorThatDoesNotShowIt() {
        ConfigurationException error = assertThrows(
                ConfigurationException.class,
                () -> load(
                        Map.of(),
                        new Properties(),
                        Map.of("network.httpProxy", "proxy.corp:3128", "network.httpProxyPassword", "hunter2-x")));

        assertTrue(error.getMessage().contains("network.httpProxyUser"), error.getMessage());
        assertTrue(!error.getMessage().contains("hunter2-x"), error.getMessage());
    }

    @Test
    void proxyPasswordIsNeverDescribed() throws Exception {
        AgentConfiguration configuration = load(
                Map.of(),
                new Properties(),
                Map.of(
                        "network.httpProxy", "proxy.corp:3128",
                        "network.httpProxyUser", "room",
                        "network.httpProxyPassword", "hunter2-x"));

        assertEquals("(set, not shown)", configuration.describe().get("network.httpProxyPassword"));
        assertEquals("", load().describe().get("network.httpProxyPassword"));
    }

    @Test
    void pacModeWithoutAPacUrlIsAnErrorNamingTheKey() {
        ConfigurationException error = assertThrows(
                ConfigurationException.class,
                () -> load(Map.of(), new Properties(), Map.of("network.proxyMode", "pac")));

        assertTrue(error.getMessage().contains("network.pacUrl"), error.getMessage());
    }

    @Test
    void proxyModeAndPacUrlAreChecked() {
        ConfigurationException mode = assertThrows(
                ConfigurationException.class,
                () -> load(Map.of(), new Properties(), Map.of("network.proxyMode", "wpad")));
        assertTrue(mode.getMessage().contains("none, explicit, pac, auto"), mode.getMessage());
        ConfigurationException url = assertThrows(
                ConfigurationException.class,
                () -> load(
                        Map.of(),
                        new Properties(),
                        Map.of("network.proxyMode", "pac", "network.pacUrl", "file:///etc/proxy.pac")));
        assertTrue(url.getMessage().contains("http:// or https://"), url.getMessage());
    }

    @Test
    void credentialsWithoutAnExplicitProxyAreAcceptedForPacAndAuto() throws Exception {
        for (String mode : new String[] {"pac", "auto"}) {
            AgentConfiguration configuration = load(
                    Map.of(),
                    new Properties(),
                    Map.of(
                            "network.proxyMode", mode,
                            "network.pacUrl", "http://wpad.corp.example/wpad.dat",
                            "network.httpProxyUser", "room",
                            "network.httpProxyPassword", "hunter2-x"));
            assertEquals(mode, configuration.get(AgentSettings.NETWORK_PROXY_MODE));
        }
    }
}
