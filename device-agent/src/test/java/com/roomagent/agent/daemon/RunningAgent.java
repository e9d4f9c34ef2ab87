package com.roomagent.agent.daemon;

import static org.junit.jupiter.api.Assertions.fail;

import com.roomagent.agent.config.ConfigurationLoader;
import com.roomagent.agent.control.ControlClient;
import com.roomagent.agent.control.ControlClientException;
import com.roomagent.agent.control.ControlRequest;
import com.roomagent.agent.control.ControlResponse;
import com.roomagent.agent.provisioning.EmulatedDisplay;
import com.roomagent.agent.provisioning.ProvisioningStatus;
import com.roomagent.emulator.CloudEmulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * A daemon in this JVM against a cloud emulator, with fast provisioning and discovery timings, a
 * captured console, and the waits tests need. The daemon's control socket is {@code
 * <stateDir>/control.sock}.
 */
public final class RunningAgent implements AutoCloseable {
    private final Path configDir;
    private final Path stateDir;
    private final Map<String, String> settings;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final AgentDaemon daemon;

    private RunningAgent(Path configDir, Path stateDir, Map<String, String> settings) throws Exception {
        this.configDir = configDir;
        this.stateDir = stateDir;
        this.settings = settings;
        this.daemon = new AgentDaemon(
                new ConfigurationLoader(configDir, stateDir, Map.of(), new Properties(), settings),
                Clock.systemUTC(),
                new FakeNetworkStateSource("192.168.1.20", "192.168.1.1"),
                new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    /** The settings for {@code emulator}, fast, then {@code keyValues} (key, value, key, value...). */
    public static Map<String, String> settings(CloudEmulator emulator, String... keyValues) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("cloud.signalingUrl", emulator.signalingUri().toString());
        settings.put("cloud.trustAnchors", emulator.caCertificate().toString());
        settings.put("cloud.connectTimeout", "2s");
        settings.put("cloud.requestTimeout", "5s");
        settings.put("device.serialNumber", "TEST-SERIAL-1");
        settings.put("provisioning.pollMaxInterval", "300ms");
        settings.put("provisioning.retryInitialInterval", "200ms");
        settings.put("provisioning.retryMaxInterval", "1s");
        settings.put("discovery.networkPollInterval", "200ms");
        settings.put("discovery.udpInitialRto", "100ms");
        settings.put("discovery.udpMaxTransmissions", "2");
        settings.put("discovery.udpFinalWaitMultiplier", "2");
        settings.put("discovery.sampleInterval", "5ms");
        for (int i = 0; i < keyValues.length; i += 2) {
            settings.put(keyValues[i], keyValues[i + 1]);
        }
        return settings;
    }

    /** Starts a daemon with {@link #settings}. */
    public static RunningAgent start(CloudEmulator emulator, Path configDir, Path stateDir, String... keyValues)
            throws Exception {
        return start(configDir, stateDir, settings(emulator, keyValues));
    }

    public static RunningAgent start(Path configDir, Path stateDir, Map<String, String> settings) throws Exception {
        RunningAgent agent = new RunningAgent(configDir, stateDir, settings);
        agent.daemon.start();
        return agent;
    }

    public AgentDaemon daemon() {
        return daemon;
    }

    public Path configDir() {
        return configDir;
    }

    public Path stateDir() {
        return stateDir;
    }

    /** The settings as {@code --set KEY=VALUE} arguments, for the CLI to read the same configuration. */
    public List<String> setArguments() {
        List<String> args = new ArrayList<>();
        settings.forEach((key, value) -> {
            args.add("--set");
            args.add(key + "=" + value);
        });
        return args;
    }

    /** Sends one request on the control socket, as the CLI does. */
    public ControlResponse send(ControlRequest request) throws ControlClientException {
        return new ControlClient(stateDir.resolve("control.sock"), Duration.ofSeconds(60)).send(request);
    }

    /** What the emulated display printed on the console so far. */
    public String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    /** A file of the emulated display. */
    public Path display(String file) {
        return stateDir.resolve("display").resolve(file);
    }

    /** The display's screen text, or empty when there is none yet. */
    public String screen() {
        try {
            Path file = display(EmulatedDisplay.SCREEN_TEXT);
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** Waits until the daemon's status satisfies {@code condition}. */
    public ProvisioningStatus awaitStatus(Predicate<ProvisioningStatus> condition, String what, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            ProvisioningStatus status = daemon.status();
            if (condition.test(status)) {
                return status;
            }
            if (System.nanoTime() > deadline) {
                fail("no " + what + " within " + limit + "; status " + status + "\nscreen:\n" + screen());
            }
            // The daemon's threads talk to the emulator over real HTTPS: a bounded wait for that I/O.
            Thread.sleep(20);
        }
    }

    /** Waits for {@code state}. */
    public ProvisioningStatus awaitState(ProvisioningStatus.State state, Duration limit) throws InterruptedException {
        return awaitStatus(status -> status.state() == state, "state " + state, limit);
    }

    /** Waits until the display's screen shows {@code text}. */
    public String awaitScreen(String text, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!screen().contains(text)) {
            if (System.nanoTime() > deadline) {
                fail("the screen does not show '" + text + "' within " + limit + ":\n" + screen());
            }
            Thread.sleep(20); // the provisioning thread writes the file after real I/O: bounded
        }
        return screen();
    }

    @Override
    public void close() {
        daemon.close();
    }
}
