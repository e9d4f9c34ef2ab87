package com.roomagent.provisioning.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that saves identities in a loop with SIGKILL at many instants, and checks after
 * every kill that the store holds one complete identity: exactly A or exactly B.
 */
class IdentityStoreKillTest {
    private static final int ROUNDS = 40;
    private static final long MAX_DELAY_MICROS = 25_000;
    private static final long CHILD_START_TIMEOUT_SECONDS = 60;

    @TempDir
    Path temporary;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aSaveKilledAtAnyInstantLeavesExactlyOneOfTheTwoIdentities() throws Exception {
        DeviceIdentity a = saveAndReload(TestIdentities.create("a"), temporary.resolve("source-a"));
        DeviceIdentity b = saveAndReload(TestIdentities.create("b"), temporary.resolve("source-b"));
        Path state = temporary.resolve("state");
        Path childErrors = temporary.resolve("child.err");
        Random random = new Random(20261125L);
        Set<String> seen = new HashSet<>();
        int interruptedSaves = 0;
        ExecutorService outputReader = Executors.newSingleThreadExecutor(r -> new Thread(r, "kill-test-child-output"));
        try {
            for (int round = 0; round < ROUNDS; round++) {
                killDuringSaves(state, childErrors, outputReader, random.nextLong() % MAX_DELAY_MICROS);

                DeviceIdentity loaded = new IdentityStore(state)
                        .load()
                        .orElseThrow(() -> new AssertionError("no identity after a kill"));
                assertTrue(loaded.equals(a) || loaded.equals(b), () -> "a mix of A and B: " + loaded);
                Properties provisioned = properties(new IdentityStore(state).provisionedSettingsFile());
                assertEquals(loaded.deviceId(), provisioned.getProperty("device.id"));
                assertEquals(
                        loaded.settings().signalingUrl().toString(), provisioned.getProperty("cloud.signalingUrl"));
                seen.add(loaded.deviceId());
                if (entries(state).size() > 2) {
                    interruptedSaves++;
                }
            }
        } finally {
            outputReader.shutdownNow();
        }
        // Evidence that the kills landed inside saves, and on both sides of the switch.
        assertTrue(interruptedSaves > 0, "no kill interrupted a save");
        assertEquals(Set.of(a.deviceId(), b.deviceId()), seen);
        new IdentityStore(state).save(a);
        List<Path> afterCleanSave = entries(state);
        assertEquals(2, afterCleanSave.size(), () -> "leftovers not cleaned: " + afterCleanSave);
    }

    /** Starts the child, waits for its first save, lets it run {@code delayMicros} more, kills it. */
    private void killDuringSaves(Path state, Path childErrors, ExecutorService outputReader, long delayMicros)
            throws Exception {
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1",
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        "-cp",
                        System.getProperty("java.class.path"),
                        IdentitySaveLoop.class.getName(),
                        temporary.resolve("source-a").toString(),
                        temporary.resolve("source-b").toString(),
                        state.toString())
                .redirectError(ProcessBuilder.Redirect.appendTo(childErrors.toFile()))
                .start();
        try {
            CountDownLatch firstSave = new CountDownLatch(1);
            Future<?> drained = outputReader.submit(() -> drain(child, firstSave));
            if (!firstSave.await(CHILD_START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                fail("the child saved nothing within " + CHILD_START_TIMEOUT_SECONDS + " s: "
                        + Files.readString(childErrors));
            }
            // Real I/O of another process: this bounded pause is what spreads the kills over a save.
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(Math.abs(delayMicros)));
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the killed child did not exit");
            drained.get(30, TimeUnit.SECONDS);
        } finally {
            child.destroyForcibly();
        }
    }

    /** Reads the child's output to its end, so a full pipe never blocks it; counts down at the first save. */
    private static Void drain(Process child, CountDownLatch firstSave) {
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(IdentitySaveLoop.SAVED)) {
                    firstSave.countDown();
                }
            }
        } catch (IOException e) {
            // destroyForcibly() closes the child's streams: the output ends there, as the kill meant.
        }
        return null;
    }

    private static DeviceIdentity saveAndReload(DeviceIdentity identity, Path directory) throws Exception {
        new IdentityStore(directory).save(identity);
        return new IdentityStore(directory).load().orElseThrow();
    }

    private static List<Path> entries(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.collect(Collectors.toCollection(ArrayList::new));
        }
    }

    private static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }
}
