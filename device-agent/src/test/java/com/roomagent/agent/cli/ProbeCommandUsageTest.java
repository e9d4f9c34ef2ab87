package com.roomagent.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code room-agent probe} refuses a command line it cannot act on with exit status 2, and a broken
 * configuration with 3, before sending anything.
 */
class ProbeCommandUsageTest {
    @TempDir
    Path configDir;

    @TempDir
    Path stateDir;

    @Test
    void targetWithoutPortExitsWithUsageErrorSayingWhatIsExpected() {
        InProcessCli.Outcome outcome = InProcessCli.run(
                InProcessCli.command("probe", configDir, stateDir, "not-a-target", "--protocol", "udp"));

        assertEquals(ExitCodes.USAGE, outcome.exitCode(), outcome::describe);
        assertTrue(outcome.err().contains("room-agent: 'not-a-target' is not HOST:PORT"), outcome::describe);
        assertEquals("", outcome.out());
    }

    @Test
    void portOutOfRangeExitsWithUsageError() {
        InProcessCli.Outcome outcome =
                InProcessCli.run(InProcessCli.command("probe", configDir, stateDir, "127.0.0.1:70000"));

        assertEquals(ExitCodes.USAGE, outcome.exitCode(), outcome::describe);
        assertTrue(outcome.err().contains("the port in '127.0.0.1:70000' is outside 1-65535"), outcome::describe);
    }

    @Test
    void unknownProtocolExitsWithUsageError() {
        InProcessCli.Outcome outcome = InProcessCli.run(
                InProcessCli.command("probe", configDir, stateDir, "127.0.0.1:3478", "--protocol", "sctp"));

        assertEquals(ExitCodes.USAGE, outcome.exitCode(), outcome::describe);
        assertTrue(outcome.err().contains("--protocol"), outcome::describe);
    }

    @Test
    void trustFileThatIsNotPemExitsWithUsageErrorNamingTheFile() throws Exception {
        Path notPem = Files.writeString(configDir.resolve("ca.pem"), "not a certificate\n");

        InProcessCli.Outcome outcome = InProcessCli.run(InProcessCli.command(
                "probe", configDir, stateDir, "127.0.0.1:3478", "--protocol", "tls", "--trust", notPem.toString()));

        assertEquals(ExitCodes.USAGE, outcome.exitCode(), outcome::describe);
        assertTrue(outcome.err().contains("trust anchors " + notPem), outcome::describe);
    }

    @Test
    void configuredTrustAnchorsThatAreNotPemExitWithConfigurationError() throws Exception {
        Path notPem = Files.writeString(configDir.resolve("ca.pem"), "not a certificate\n");

        InProcessCli.Outcome outcome = InProcessCli.run(InProcessCli.command(
                "probe",
                configDir,
                stateDir,
                "127.0.0.1:3478",
                "--protocol",
                "tls",
                "--set",
                "cloud.trustAnchors=" + notPem));

        assertEquals(ExitCodes.CONFIGURATION, outcome.exitCode(), outcome::describe);
        assertTrue(outcome.err().contains("trust anchors " + notPem), outcome::describe);
    }

    @Test
    void zeroSamplesExitsWithUsageError() {
        InProcessCli.Outcome outcome = InProcessCli.run(
                InProcessCli.command("probe", configDir, stateDir, "127.0.0.1:3478", "--samples", "0"));

        assertEquals(ExitCodes.USAGE, outcome.exitCode(), outcome::describe);
        assertTrue(outcome.err().contains("samplesPerPair must be at least 1"), outcome::describe);
    }
}
