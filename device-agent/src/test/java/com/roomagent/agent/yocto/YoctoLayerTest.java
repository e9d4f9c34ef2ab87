package com.roomagent.agent.yocto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.agent.config.AgentConfiguration;
import com.roomagent.agent.config.AgentSettings;
import com.roomagent.agent.config.ConfigurationLoader;
import com.roomagent.hal.profile.BoardProfile;
import com.roomagent.hal.profile.Encoder;
import com.roomagent.hal.profile.VideoSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Yocto layer (yocto/meta-room-agent), checked as far as it can be without bitbake: see {@link
 * LayerCheck}; the systemd unit through {@code systemd-analyze verify}; the default configuration
 * through the agent's own loader; the kas file's layers.
 */
@Timeout(120)
class YoctoLayerTest {
    /** Maven runs the tests in the module's folder; the layer is in the checkout's yocto/. */
    private static final Path CHECKOUT = Path.of("").toAbsolutePath().getParent();

    private static final Path LAYER = CHECKOUT.resolve("yocto/meta-room-agent");
    private static final Path AGENT_FILES = LAYER.resolve("recipes-room-agent/room-agent/files");
    private static final Path RECIPE = LAYER.resolve("recipes-room-agent/room-agent/room-agent_0.1.0.bb");

    @TempDir
    Path temp;

    @Test
    void theLayerPassesEveryCheck() throws IOException {
        List<String> problems = LayerCheck.check(LAYER);
        assertEquals(List.of(), problems, () -> String.join("\n", problems));
    }

    @Test
    void aRecipeNamingAMissingFileFailsTheCheck() throws IOException {
        Path layer = copyOfTheCheckout();
        Path recipe = layer.resolve(LAYER.relativize(RECIPE));
        Files.writeString(
                recipe,
                Files.readString(recipe)
                        .replace(
                                "file://room-agent.service \\",
                                "file://room-agent.service \\\n           file://0001-missing.patch \\"));

        List<String> problems = LayerCheck.check(layer);

        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("SRC_URI names file://0001-missing.patch"), problems.get(0));
    }

    @Test
    void aJarThatTheMavenBuildDoesNotProduceFailsTheCheck() throws IOException {
        Path layer = copyOfTheCheckout();
        Path recipe = layer.resolve(LAYER.relativize(RECIPE));
        Files.writeString(
                recipe,
                Files.readString(recipe)
                        .replace(
                                "ROOM_AGENT_MAVEN_VERSION ?= \"0.1.0-SNAPSHOT\"",
                                "ROOM_AGENT_MAVEN_VERSION ?= \"9.9\""));

        List<String> problems = LayerCheck.check(layer);

        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("device-agent-9.9-all.jar, but"), problems.get(0));
    }

    @Test
    void licenseChecksumsAreCheckedAgainstTheFilesTheyName() throws IOException {
        Path layer = copyOfTheCheckout();
        Path recipes = Files.createDirectories(layer.resolve("recipes-test/sample/files"));
        Files.writeString(recipes.resolve("COPYING"), "Permission is hereby granted, free of charge\n");
        String md5 = "2f6a2ff6a0ea8b2d5b0ef0fd1d1e3c1a";
        Path recipe = recipes.resolveSibling("sample_1.0.bb");
        Files.writeString(recipe, sampleRecipe(md5));

        List<String> wrong = LayerCheck.check(layer);
        assertEquals(1, wrong.size(), wrong::toString);
        assertTrue(
                wrong.get(0).contains("LIC_FILES_CHKSUM gives md5 " + md5 + " for COPYING, whose md5 is "),
                wrong.get(0));

        String actual = wrong.get(0).substring(wrong.get(0).lastIndexOf(' ') + 1);
        Files.writeString(recipe, sampleRecipe(actual));
        assertEquals(List.of(), LayerCheck.check(layer));
    }

    @Test
    void syntaxErrorsAreReportedWithTheirLine() throws IOException {
        Path layer = copyOfTheCheckout();
        Path recipe = layer.resolve("recipes-test/broken/broken_1.0.bb");
        Files.createDirectories(recipe.getParent());
        Files.writeString(recipe, "SUMMARY = \"unterminated\nLICENSE = \"MIT\"\nDEPENDS \"zlib\"\n");

        List<String> problems = LayerCheck.check(layer);

        assertTrue(
                problems.stream().anyMatch(p -> p.contains("broken_1.0.bb:1: the value of SUMMARY")),
                problems::toString);
        assertTrue(
                problems.stream().anyMatch(p -> p.contains("broken_1.0.bb:3: not an assignment")), problems::toString);
    }

    @Test
    void layerConfNamesOnlyRealReleases() throws IOException {
        Path layer = copyOfTheCheckout();
        Path conf = layer.resolve("conf/layer.conf");
        Files.writeString(conf, Files.readString(conf).replace("scarthgap wrynose", "scarthgap wrynose hogwarts"));

        List<String> problems = LayerCheck.check(layer);

        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("'hogwarts'"), problems.get(0));
    }

    @Test
    void theUnitPassesSystemdAnalyzeVerify() throws Exception {
        List<String> warnings = verify(Files.readString(AGENT_FILES.resolve("room-agent.service")));
        assertEquals(List.of(), warnings, () -> String.join("\n", warnings));
    }

    @Test
    void systemdAnalyzeVerifyCatchesAMisspelledDirective() throws Exception {
        String unit =
                Files.readString(AGENT_FILES.resolve("room-agent.service")).replace("WatchdogSec=", "WatchdogSecs=");
        List<String> warnings = verify(unit);
        assertTrue(warnings.stream().anyMatch(w -> w.contains("WatchdogSecs")), warnings::toString);
    }

    @Test
    void theUnitIsANotifyServiceWithAWatchdogRunningTheInstalledLauncher() throws IOException {
        List<String> unit = Files.readAllLines(AGENT_FILES.resolve("room-agent.service"));
        for (String expected : List.of(
                "Type=notify",
                "NotifyAccess=main",
                "WatchdogSec=60",
                "Restart=on-failure",
                "SuccessExitStatus=143",
                "StateDirectory=room-agent",
                "ConfigurationDirectory=room-agent",
                "NoNewPrivileges=yes",
                "ProtectSystem=strict",
                "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6 AF_NETLINK",
                "ExecStart=/usr/bin/room-agent run")) {
            assertTrue(unit.contains(expected), "the unit has no line " + expected);
        }
        String recipe = Files.readString(RECIPE);
        assertTrue(
                recipe.contains("${WORKDIR}/room-agent ${D}${bindir}/room-agent"),
                "the recipe installs /usr/bin/room-agent");
        assertTrue(recipe.contains("${systemd_system_unitdir}/room-agent.service"), "the recipe installs the unit");
    }

    @Test
    void theDefaultConfigurationLoadsWithTheAgentsOwnLoader() throws Exception {
        AgentConfiguration configuration =
                new ConfigurationLoader(AGENT_FILES, temp, Map.of(), new Properties(), Map.of()).load();

        assertEquals("room-agent-qemuarm64", configuration.get(AgentSettings.DEVICE_MODEL));
        assertTrue(
                configuration.sourceOf(AgentSettings.DEVICE_MODEL).contains("board"),
                configuration.sourceOf(AgentSettings.DEVICE_MODEL));
        BoardProfile board = configuration.boardProfile();
        assertTrue(board.source().endsWith("board.properties"), board.source());
        assertEquals(new VideoSpec(Encoder.X264, 320, 240, 15), board.video());
    }

    @Test
    void theImagesBoardProfileIsTheEmulatedOneWithItsVideoCapped() throws IOException {
        Properties emulated = new Properties();
        try (var in = BoardProfile.class.getResourceAsStream("emulated.properties")) {
            emulated.load(in);
        }
        Properties image = new Properties();
        try (var in = Files.newInputStream(AGENT_FILES.resolve("board.properties"))) {
            image.load(in);
        }
        Map<String, String> changed = Map.of(
                "board.name", "Emulated room board (qemuarm64)",
                "board.video.maxWidth", "320",
                "board.video.maxHeight", "240",
                "board.video.maxFps", "15");

        for (String key : emulated.stringPropertyNames()) {
            assertEquals(
                    changed.getOrDefault(key, emulated.getProperty(key)),
                    image.getProperty(key),
                    key + " in the image's board.properties");
        }
        assertEquals(
                emulated.stringPropertyNames(),
                image.stringPropertyNames().stream()
                        .filter(key -> key.startsWith("board."))
                        .collect(Collectors.toSet()),
                "the image's board.* keys are the emulated profile's");
    }

    @Test
    void theKasFileNamesLayersThatExist() throws IOException {
        List<String> layers = Files.readAllLines(CHECKOUT.resolve("yocto/kas/qemuarm64.yml")).stream()
                .map(String::strip)
                .filter(line -> line.startsWith("yocto/") && line.endsWith(":"))
                .map(line -> line.substring(0, line.length() - 1))
                .toList();
        assertEquals(List.of("yocto/meta-room-agent"), layers);
        for (String layer : layers) {
            assertTrue(Files.isRegularFile(CHECKOUT.resolve(layer).resolve("conf/layer.conf")), layer);
        }
    }

    private static String sampleRecipe(String md5) {
        return "SUMMARY = \"a sample\"\nLICENSE = \"MIT\"\nLIC_FILES_CHKSUM = \"file://COPYING;md5=" + md5
                + "\"\nSRC_URI = \"file://COPYING\"\n";
    }

    /**
     * {@code systemd-analyze verify} on {@code unit}, its ExecStart pointed at an executable that
     * exists here (verify checks it); every line it prints about the unit.
     */
    private List<String> verify(String unit) throws IOException, InterruptedException {
        Path launcher = Files.copy(AGENT_FILES.resolve("room-agent"), temp.resolve("room-agent"));
        assertTrue(launcher.toFile().setExecutable(true));
        Path file = temp.resolve("room-agent.service");
        Files.writeString(file, unit.replace("ExecStart=/usr/bin/room-agent", "ExecStart=" + launcher));
        Path output = temp.resolve("verify.txt");
        Process verify;
        try {
            verify = new ProcessBuilder("systemd-analyze", "verify", file.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
        } catch (IOException e) {
            throw new IOException(
                    "systemd-analyze is missing: install the systemd package (scripts/install-deps.sh)", e);
        }
        assertTrue(verify.waitFor(60, TimeUnit.SECONDS), "systemd-analyze verify did not finish within 60 s");
        List<String> about = new ArrayList<>();
        for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
            if (line.contains("room-agent")) {
                about.add(line);
            }
        }
        if (verify.exitValue() != 0) {
            about.add("systemd-analyze verify exited with " + verify.exitValue() + ": " + Files.readString(output));
        }
        return about;
    }

    /** The layer and the two poms its recipe refers to, copied under {@code temp}. */
    private Path copyOfTheCheckout() throws IOException {
        Path layer = temp.resolve("checkout/yocto/meta-room-agent");
        try (Stream<Path> walk = Files.walk(LAYER)) {
            for (Path source : walk.toList()) {
                Path target = layer.resolve(LAYER.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Path checkout = temp.resolve("checkout");
        Files.copy(CHECKOUT.resolve("pom.xml"), checkout.resolve("pom.xml"));
        Files.createDirectories(checkout.resolve("device-agent"));
        Files.copy(CHECKOUT.resolve("device-agent/pom.xml"), checkout.resolve("device-agent/pom.xml"));
        List<String> baseline = LayerCheck.check(layer);
        assertEquals(List.of(), baseline, "the copy passes before the test changes it");
        return layer;
    }
}
