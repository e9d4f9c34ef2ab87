package com.roomagent.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.roomagent.agent.control.ControlJson;
import com.roomagent.agent.control.ControlRequest;
import com.roomagent.agent.control.ControlResponse;
import com.roomagent.agent.daemon.RunningAgent;
import com.roomagent.emulator.CloudEmulator;
import com.roomagent.emulator.config.EmulatorConfig;
import com.roomagent.emulator.config.NodeConfig;
import com.roomagent.hal.video.VideoStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The room's hardware through the agent: the emulated board driven over the control socket and the CLI. */
@Timeout(60)
class HalCommandsTest {
    @TempDir
    Path configDir;

    @TempDir
    Path stateDir;

    @TempDir
    Path emulatorState;

    private CloudEmulator emulator;

    @BeforeEach
    void startEmulator() throws Exception {
        emulator = CloudEmulator.start(
                EmulatorConfig.loopback(NodeConfig.loopback("node-1").build()), emulatorState);
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    @Test
    void pressingTheEmulatedMuteButtonTogglesTheMicrophoneAndTheMuteLed() throws Exception {
        try (RunningAgent agent = RunningAgent.start(emulator, configDir, stateDir)) {
            JsonNode before = agent.send(ControlRequest.hal()).hal();
            assertFalse(before.get("microphoneMuted").asBoolean());
            assertEquals("off", line(before, "mute LED").get("state").asText());

            ControlResponse pressed = agent.send(ControlRequest.boardPressMute());

            assertTrue(pressed.ok(), pressed.message());
            assertTrue(pressed.hal().get("microphoneMuted").asBoolean(), pressed.message());
            assertFalse(line(pressed.hal(), "mute LED").get("state").asText().equals("off"), pressed.message());
            assertTrue(agent.send(ControlRequest.hal())
                    .hal()
                    .get("microphoneMuted")
                    .asBoolean());

            ControlResponse again = agent.send(ControlRequest.boardPressMute());
            assertFalse(again.hal().get("microphoneMuted").asBoolean(), again.message());
        }
    }

    @Test
    void closingTheEmulatedShutterStopsVideoAndSaysSo() throws Exception {
        try (RunningAgent agent = RunningAgent.start(emulator, configDir, stateDir)) {
            ControlResponse closed = agent.send(ControlRequest.boardShutter(true));

            assertTrue(closed.ok(), closed.message());
            assertEquals(
                    VideoStatus.SHUTTER_CLOSED, closed.hal().at("/video/text").asText());
            assertFalse(closed.hal().at("/video/available").asBoolean());
            assertEquals(
                    "closed", line(closed.hal(), "privacy shutter").get("state").asText());

            ControlResponse open = agent.send(ControlRequest.boardShutter(false));
            assertFalse(open.hal().at("/video/text").asText().equals(VideoStatus.SHUTTER_CLOSED));
        }
    }

    @Test
    void halCommandPrintsTheBoardItsFeaturesAndLines() throws Exception {
        try (RunningAgent agent = RunningAgent.start(emulator, configDir, stateDir)) {
            InProcessCli.Outcome outcome =
                    InProcessCli.run(InProcessCli.command("hal", agent.configDir(), agent.stateDir()));

            assertEquals(ExitCodes.OK, outcome.exitCode(), outcome::describe);
            assertTrue(outcome.out().contains("board: Emulated room board (emulated"), outcome::describe);
            assertTrue(outcome.out().contains("microphone: live"), outcome::describe);
            assertTrue(outcome.out().contains("mute button"), outcome::describe);
        }
    }

    @Test
    void boardPressMuteShowsInTheReportsHalSection() throws Exception {
        try (RunningAgent agent = RunningAgent.start(emulator, configDir, stateDir)) {
            InProcessCli.Outcome press = InProcessCli.run(boardCommand(agent, "press-mute"));
            assertEquals(ExitCodes.OK, press.exitCode(), press::describe);
            assertTrue(press.out().contains("the microphone is muted"), press::describe);

            InProcessCli.Outcome report = InProcessCli.run(InProcessCli.command("report", configDir, stateDir));

            assertEquals(ExitCodes.OK, report.exitCode(), report::describe);
            JsonNode hal = ControlJson.mapper().readTree(report.out()).get("hal");
            assertEquals("Emulated room board", hal.get("board").asText());
            assertTrue(hal.get("microphoneMuted").asBoolean(), report::describe);
        }
    }

    @Test
    void aRealBoardRefusesTheEmulatedControls() throws Exception {
        try (RunningAgent agent = RunningAgent.start(emulator, configDir, stateDir, "hal.board", "generic-arm64")) {
            InProcessCli.Outcome press = InProcessCli.run(boardCommand(agent, "press-mute"));

            assertEquals(ExitCodes.FAILED, press.exitCode(), press::describe);
            assertTrue(
                    press.err().contains("only the emulated board can be driven from the control socket"),
                    press::describe);
        }
    }

    @Test
    void withoutARunningAgentHalShowsTheProfileAndSaysNoAgentRuns() {
        InProcessCli.Outcome outcome = InProcessCli.run(InProcessCli.command("hal", configDir, stateDir));

        assertEquals(ExitCodes.AGENT_NOT_RUNNING, outcome.exitCode(), outcome::describe);
        assertTrue(outcome.out().contains("board: Emulated room board (emulated, profile built-in profile emulated)"));
        assertTrue(outcome.err().contains("no agent is running"), outcome::describe);
    }

    @Test
    void aBrokenBoardProfileStopsRunAtBootNamingTheFileAndTheKey() throws Exception {
        Path board = configDir.resolve("board.properties");
        Files.writeString(
                board,
                "board.name=Broken\nboard.platform=emulated\nboard.video.encoder=x264\n"
                        + "board.muteButton.line=22\nboard.muteLed.line=22\n");

        InProcessCli.Outcome outcome = InProcessCli.run(InProcessCli.command("run", configDir, stateDir));

        assertEquals(ExitCodes.CONFIGURATION, outcome.exitCode(), outcome::describe);
        assertTrue(outcome.err().contains(board + ": board.muteLed.line: line 22"), outcome::describe);
        assertFalse(Files.exists(stateDir.resolve("control.sock")), "the agent must not have started");
    }

    private static List<String> boardCommand(RunningAgent agent, String... rest) {
        List<String> args = new ArrayList<>(List.of("board"));
        args.addAll(List.of(rest));
        args.addAll(List.of(
                "--config-dir",
                agent.configDir().toString(),
                "--state-dir",
                agent.stateDir().toString()));
        return args;
    }

    private static JsonNode line(JsonNode hal, String function) {
        for (JsonNode line : hal.get("lines")) {
            if (line.get("function").asText().equals(function)) {
                return line;
            }
        }
        throw new AssertionError("no line for " + function + " in " + hal);
    }
}
