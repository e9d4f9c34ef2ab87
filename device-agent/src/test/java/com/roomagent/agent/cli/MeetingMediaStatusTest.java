package com.roomagent.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.roomagent.agent.call.CallMedia;
import com.roomagent.agent.call.CallMediaRequest;
import com.roomagent.agent.call.EmulatedRoom;
import com.roomagent.agent.call.TwoRooms;
import com.roomagent.agent.control.ControlJson;
import com.roomagent.agent.control.ControlRequest;
import com.roomagent.agent.daemon.RunningAgent;
import com.roomagent.agent.daemon.TestBoards;
import com.roomagent.agent.discovery.TrustAnchors;
import com.roomagent.agent.media.MediaAssignment;
import com.roomagent.agent.media.MediaPath;
import com.roomagent.agent.media.MediaPathSettings;
import com.roomagent.av.media.MediaException;
import com.roomagent.av.media.SsrcPlan;
import com.roomagent.emulator.CloudEmulator;
import com.roomagent.emulator.config.EmulatorConfig;
import com.roomagent.emulator.config.NodeConfig;
import com.roomagent.emulator.medianode.MediaAdmission;
import com.roomagent.transport.stun.ShortTermCredentials;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent joins a meeting's media on the emulator's node (the far end is an emulated room in the
 * same JVM): status and the report show the media path as {@code call.path}.
 */
@Timeout(120)
class MeetingMediaStatusTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path configDir;

    @TempDir
    Path stateDir;

    @TempDir
    Path emulatorState;

    @TempDir
    Path farRoomDir;

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
    void aJoinedMeetingShowsItsMediaPathInStatusAndReport() throws Exception {
        String meeting = "meeting-" + UUID.randomUUID();
        SsrcPlan ssrcs = SsrcPlan.random(new Random());
        try (RunningAgent agent = RunningAgent.start(emulator, configDir, stateDir);
                EmulatedRoom far = new EmulatedRoom(farRoomDir)) {
            MediaPath ours = agent.daemon().joinMeetingMedia("call-1", assignment(meeting, "room-1", ssrcs));
            MediaPath theirs = MediaPath.open(
                    "call-far",
                    assignment(meeting, "room-2", ssrcs.reversed()),
                    MediaPathSettings.defaults(),
                    TrustAnchors.sslContextTrusting(emulator.caCertificate()),
                    host(far),
                    Clock.systemUTC());
            try {
                TwoRooms.await(
                        "the agent decodes the far room's video", LIMIT, () -> EmulatedRoom.frames(ours.media()) > 3);
                TwoRooms.await(
                        "time to media is measured", LIMIT, () -> ours.status().timeToMediaMs() != null);

                JsonNode path = agent.send(ControlRequest.status()).call().get("path");
                assertEquals(meeting, path.get("meetingId").asText(), path::toString);
                assertEquals("node-1", path.get("node").asText());
                assertEquals("udp", path.get("transport").asText());
                assertEquals("up", path.get("state").asText());
                assertEquals("alive", path.get("keepalive").asText());
                assertTrue(path.get("remoteAddress").asText().startsWith("127.0.0.1:"), path::toString);
                assertTrue(path.get("rttMs").asDouble() >= 0, path::toString);
                assertTrue(path.get("timeToMediaMs").asLong() > 0, path::toString);
                assertEquals(0, path.get("failovers").size());

                InProcessCli.Outcome text = InProcessCli.run(InProcessCli.command("status", configDir, stateDir));
                assertEquals(ExitCodes.OK, text.exitCode(), text::describe);
                assertTrue(text.out().contains("Media path:   node-1 udp 127.0.0.1:"), text::describe);
                assertTrue(text.out().contains("(up), keepalive alive"), text::describe);
                assertTrue(text.out().contains("time to media "), text::describe);

                InProcessCli.Outcome report = InProcessCli.run(InProcessCli.command("report", configDir, stateDir));
                assertEquals(ExitCodes.OK, report.exitCode(), report::describe);
                JsonNode reported = ControlJson.mapper().readTree(report.out()).at("/call/path");
                assertEquals("udp", reported.get("transport").asText(), report::describe);
            } finally {
                theirs.close();
            }
            agent.daemon().leaveMeetingMedia(ours);
            assertNull(agent.send(ControlRequest.status()).call(), "the call section goes with the meeting");
        }
    }

    private MediaAssignment assignment(String meeting, String participant, SsrcPlan ssrcs) {
        ShortTermCredentials credentials = new ShortTermCredentials(
                "user-" + UUID.randomUUID(),
                "pass-" + UUID.randomUUID().toString().replace("-", ""));
        MediaAdmission admission = emulator.mediaNodes().admit("node-1", meeting, participant, credentials);
        return new MediaAssignment(
                admission.meetingId(),
                admission.nodeId(),
                admission.fingerprint(),
                admission.credentials(),
                admission.candidates(),
                ssrcs);
    }

    private static MediaPath.CallMediaHost host(EmulatedRoom room) {
        return new MediaPath.CallMediaHost() {
            @Override
            public CallMedia start(CallMediaRequest request) throws MediaException {
                return room.start(request);
            }

            @Override
            public void end(CallMedia media) {
                media.close();
            }
        };
    }
}
