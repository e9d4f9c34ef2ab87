package com.roomagent.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.roomagent.protocol.discovery.DiscoveryJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CloudEmulatorCommandTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String LOOPBACK_CONFIG = "{\"signaling\": {\"port\": 0}, \"nodes\": [{\"id\": \"n1\","
            + " \"kind\": \"cloud\", \"region\": \"test\", \"host\": \"127.0.0.1\","
            + " \"ports\": {\"udp\": 0, \"tcp\": 0, \"tls\": 0, \"udp-last-resort\": 0}}]}";

    @TempDir
    Path directory;

    @Test
    void badConfigurationExitsWithTwo() throws Exception {
        Path config = Files.writeString(directory.resolve("bad.json"), "{\"nodes\": [], \"colour\": \"red\"}");

        int code = run(ShutdownSignal.manual(), "--config", config.toString(), "--state-dir", state());

        assertEquals(CloudEmulatorCommand.EXIT_BAD_CONFIGURATION, code);
        assertTrue(Files.notExists(directory.resolve("state")), "nothing is created for a bad configuration");
    }

    @Test
    void unknownOptionExitsWithTwo() {
        assertEquals(CloudEmulatorCommand.EXIT_BAD_CONFIGURATION, run(ShutdownSignal.manual(), "--colour", "red"));
    }

    @Test
    void runsUntilAskedToStopThenRemovesTheReadyFile() throws Exception {
        ShutdownSignal signal = ShutdownSignal.manual();
        Path readyFile = directory.resolve("ready.json");
        AtomicInteger code = new AtomicInteger(-1);
        String[] args = {"--config", config().toString(), "--state-dir", state(), "--ready-file", readyFile.toString()};
        Thread command = new Thread(() -> code.set(run(signal, args)), "test-command");

        command.start();
        JsonNode ready = awaitReadyFile(readyFile);
        int health = health(ready);
        signal.requestStop();
        command.join(TIMEOUT.toMillis());

        assertEquals(200, health);
        assertEquals(
                Path.of(state(), "ca.pem").toAbsolutePath().toString(),
                ready.get("caCertificate").asText());
        assertEquals(CloudEmulatorCommand.EXIT_OK, code.get());
        assertTrue(Files.notExists(readyFile), "the ready file is removed on stop");
    }

    @Test
    void sigtermStopsTheProcessCleanlyWithExitCodeZero() throws Exception {
        Path readyFile = directory.resolve("ready.json");
        Path log = directory.resolve("emulator.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(
                        java,
                        // The test class path carries a warn-only logging configuration; the
                        // child must log its lifecycle events as the real launcher does.
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CloudEmulatorCommand.class.getName(),
                        "--config",
                        config().toString(),
                        "--state-dir",
                        state(),
                        "--ready-file",
                        readyFile.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            health(awaitReadyFile(readyFile));

            process.destroy(); // SIGTERM
            assertTrue(process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS), "stopped within " + TIMEOUT);

            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), output);
            assertTrue(output.contains("emulator.stopped"), output);
            assertTrue(Files.notExists(readyFile), "the ready file is removed on stop");
        } finally {
            process.destroyForcibly();
        }
    }

    private static int run(ShutdownSignal signal, String... args) {
        return new CommandLine(new CloudEmulatorCommand(signal)).execute(args);
    }

    private Path config() throws Exception {
        return Files.writeString(directory.resolve("emulator.json"), LOOPBACK_CONFIG);
    }

    private String state() {
        return directory.resolve("state").toString();
    }

    /** Polls for the ready file, as a script would; bounded by {@link #TIMEOUT}. */
    private static JsonNode awaitReadyFile(Path readyFile) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (Files.notExists(readyFile)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no ready file within " + TIMEOUT);
            }
            Thread.sleep(50);
        }
        return DiscoveryJson.mapper().readTree(Files.readString(readyFile));
    }

    private static int health(JsonNode ready) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .sslContext(CaTrust.trusting(Path.of(ready.get("caCertificate").asText())))
                .connectTimeout(TIMEOUT)
                .build();
        URI uri = URI.create(ready.get("signalingUri").asText() + "/v1/health");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
