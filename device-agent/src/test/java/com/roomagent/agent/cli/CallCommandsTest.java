package com.roomagent.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.roomagent.agent.call.CallMedia;
import com.roomagent.agent.call.CallMediaRequest;
import com.roomagent.agent.call.InMemoryChannelPair;
import com.roomagent.agent.call.TwoRooms;
import com.roomagent.agent.control.ControlJson;
import com.roomagent.agent.control.ControlRequest;
import com.roomagent.agent.control.ControlResponse;
import com.roomagent.agent.daemon.RunningAgent;
import com.roomagent.agent.daemon.TestBoards;
import com.roomagent.av.media.SsrcPlan;
import com.roomagent.emulator.CloudEmulator;
import com.roomagent.emulator.config.EmulatorConfig;
import com.roomagent.emulator.config.NodeConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The microphone mute on any board, and a call's media in status, the report and the status LED. */
@Timeout(90)
class CallCommandsTest {
    private static final Duration LIMIT = Duration.ofSeconds(15);

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
        TestBoards.smallEmulated(configDir);
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    @Test
    void muteOnOffAndToggleGoThroughTheHalSoTheLedFollows() throws Exception {
        try (RunningAgent agent = RunningAgent.start(emulator, configDir, stateDir)) {
            InProcessCli.Outcome on = InProcessCli.run(mute(agent, "on"));
            assertEquals(ExitCodes.OK, on.exitCode(), on::describe);
            assertTrue(on.out().contains("The microphone is muted (the mute LED is lit)."), on::describe);
            JsonNode hal = agent.send(ControlRequest.hal()).hal();
            assertTrue(hal.get("microphoneMuted").asBoolean());
            assertFalse(muteLed(hal).equals("off"), hal.toString());

            InProcessCli.Outcome toggle = InProcessCli.run(mute(agent, "toggle"));
            assertEquals(ExitCodes.OK, toggle.exitCode(), toggle::describe);
            assertTrue(toggle.out().contains("The microphone is live"), toggle::describe);
            assertFalse(agent.send(ControlRequest.hal())
                    .hal()
                    .get("microphoneMuted")
                    .asBoolean());

            ControlResponse off = agent.send(ControlRequest.microphone(ControlRequest.UNMUTE));
            assertTrue(off.ok(), off.message());
            assertFalse(off.hal().get("microphoneMuted").asBoolean());
        }
    }

    @Test
    void muteRefusesAnythingButOnOffOrToggle() {
        InProcessCli.Outcome outcome = InProcessCli.run(InProcessCli.command("mute", configDir, stateDir, "loud"));

        assertEquals(ExitCodes.USAGE, outcome.exitCode(), outcome::describe);
        assertTrue(outcome.err().contains("mute takes on, off or toggle, not 'loud'"), outcome::describe);
    }

    @Test
    void anActiveCallShowsInStatusAndReportAndLightsTheStatusLedInMeeting() throws Exception {
        try (RunningAgent agent = RunningAgent.start(emulator, configDir, stateDir);
                InMemoryChannelPair channel = new InMemoryChannelPair()) {
            assertNull(agent.send(ControlRequest.status()).call(), "no call, no call section");
            SsrcPlan ssrcs = SsrcPlan.random(new Random());
            CallMedia call = agent.daemon()
                    .startCallMedia(
                            new CallMediaRequest("meeting-7", ssrcs, TwoRooms.randomKeys(new Random()), channel.a));
            channel.a.onPacket(call);
            assertThrows(
                    IllegalStateException.class,
                    () -> agent.daemon()
                            .startCallMedia(new CallMediaRequest(
                                    "meeting-8", ssrcs, TwoRooms.randomKeys(new Random()), channel.b)),
                    "one call's media at a time");

            TwoRooms.await("the call sends video packets", LIMIT, () -> channel.a.sent.get() > 50);
            TwoRooms.await(
                    "status counts the sent video",
                    LIMIT,
                    () -> call.status().stream("video", "sent").packets() > 0);
            ControlResponse status = agent.send(ControlRequest.status());
            JsonNode section = status.call();
            assertEquals("meeting-7", section.get("callId").asText());
            assertEquals("active", section.get("state").asText());
            assertEquals("320x240@15", section.get("videoFormat").asText());
            assertEquals(4, section.get("streams").size());
            assertEquals(
                    "audio sending: test tone (emulated microphone)",
                    section.at("/audio/text").asText());
            assertEquals(
                    "playback: emulated speaker",
                    section.at("/audio/playbackText").asText());
            assertEquals("IN_MEETING", status.hal().get("agentState").asText());

            agent.send(ControlRequest.boardShutter(true));
            JsonNode shut = agent.send(ControlRequest.status()).call();
            assertEquals(
                    "video stopped: privacy shutter closed",
                    shut.at("/video/text").asText());
            assertTrue(shut.at("/video/shutterClosed").asBoolean());

            InProcessCli.Outcome text = InProcessCli.run(InProcessCli.command("status", configDir, stateDir));
            assertEquals(ExitCodes.OK, text.exitCode(), text::describe);
            assertTrue(text.out().contains("Call:         meeting-7 (active, udp)"), text::describe);
            assertTrue(text.out().contains("video stopped: privacy shutter closed"), text::describe);
            assertTrue(text.out().contains("video sent:"), text::describe);
            assertTrue(
                    text.out().contains("audio sending: test tone (emulated microphone); playback: emulated speaker"),
                    text::describe);

            InProcessCli.Outcome report = InProcessCli.run(InProcessCli.command("report", configDir, stateDir));
            assertEquals(ExitCodes.OK, report.exitCode(), report::describe);
            JsonNode reported = ControlJson.mapper().readTree(report.out()).get("call");
            assertEquals("meeting-7", reported.get("callId").asText());
            assertTrue(reported.at("/streams/0/packets").asLong() > 0, report::describe);

            agent.daemon().endCallMedia(call);

            ControlResponse after = agent.send(ControlRequest.status());
            assertNull(after.call(), "the call section goes with the call");
            assertFalse(after.hal().get("agentState").asText().equals("IN_MEETING"));
        }
    }

    private static List<String> mute(RunningAgent agent, String wanted) {
        return InProcessCli.command("mute", agent.configDir(), agent.stateDir(), wanted);
    }

    private static String muteLed(JsonNode hal) {
        for (JsonNode line : hal.get("lines")) {
            if (line.get("function").asText().equals("mute LED")) {
                return line.get("state").asText();
            }
        }
        throw new AssertionError("no mute LED in " + hal);
    }
}
