package com.roomagent.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.roomagent.agent.call.CallMedia;
import com.roomagent.agent.call.TwoRooms;
import com.roomagent.agent.control.ControlJson;
import com.roomagent.agent.control.ControlRequest;
import com.roomagent.agent.control.ControlResponse;
import com.roomagent.agent.daemon.RunningAgent;
import com.roomagent.agent.daemon.TestBoards;
import com.roomagent.agent.daemon.TestIdentities;
import com.roomagent.emulator.CloudEmulator;
import com.roomagent.emulator.config.EmulatorConfig;
import com.roomagent.emulator.config.NodeConfig;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.signaling.SignalingMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two agents (daemons in this JVM, emulated boards with real media pipelines) and the cloud
 * emulator on loopback: both rooms join one meeting over signaling with {@code room-agent meeting
 * join}, the cloud assigns the node they share, and each room decodes the other's video relayed by
 * the node; a UDP cut mid-meeting moves both to TCP and the cloud is told; a leave tells the other
 * room. Every wait is bounded and generous; nothing asserts how fast.
 */
@Timeout(240)
class MeetingSignalingTest {
    private static final Duration LIMIT = Duration.ofSeconds(40);
    private static final String MEETING = "board-room-7";

    @TempDir
    Path emulatorState;

    @TempDir
    Path roomsDir;

    private CloudEmulator emulator;
    private final List<Room> rooms = new ArrayList<>();

    /** One room: its directories, its device id and its running agent. */
    private record Room(String deviceId, RunningAgent agent) {
        ControlResponse status() throws Exception {
            return agent.send(ControlRequest.status());
        }

        /** The meeting section's number {@code field}, or null outside a meeting or before it is known. */
        Long meetingNumber(String field) {
            try {
                JsonNode meeting = status().meeting();
                return meeting == null || !meeting.path(field).isNumber()
                        ? null
                        : meeting.path(field).asLong();
            } catch (Exception e) {
                return null;
            }
        }

        Optional<CallMedia> call() {
            return agent.daemon().callMedia();
        }

        long framesDecoded() {
            return call().map(media -> media.status().received().videoFrames()).orElse(0L);
        }

        /** The meeting's phase in the status answer; "none" outside a meeting. */
        String phase() {
            try {
                JsonNode meeting = status().meeting();
                return meeting == null ? "none" : meeting.path("phase").asText();
            } catch (Exception e) {
                return "no answer: " + e;
            }
        }

        /** Whether the call's media path runs on {@code node}, with media. */
        boolean onNode(String node) {
            try {
                JsonNode path = status().call() == null ? null : status().call().path("path");
                return path != null
                        && node.equals(path.path("node").asText())
                        && "up".equals(path.path("state").asText());
            } catch (Exception e) {
                return false;
            }
        }

        /** {@code room-agent <command words> <options> <rest>} against this room's agent. */
        InProcessCli.Outcome cli(List<String> command, String... rest) {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of(
                    "--config-dir",
                    agent.configDir().toString(),
                    "--state-dir",
                    agent.stateDir().toString()));
            args.addAll(agent.setArguments());
            args.addAll(List.of(rest));
            return InProcessCli.run(args);
        }

        InProcessCli.Outcome join(String meetingId) {
            return cli(List.of("meeting", "join"), meetingId);
        }

        InProcessCli.Outcome leave() {
            return cli(List.of("meeting", "leave"));
        }
    }

    @BeforeEach
    void startEmulatorAndTwoRooms() throws Exception {
        emulator = CloudEmulator.start(
                EmulatorConfig.loopback(
                        NodeConfig.loopback("node-1").build(),
                        // Farther away, so the meeting starts on node-1; where it moves when node-1 goes dark.
                        NodeConfig.loopback("node-2")
                                .delay(Duration.ofMillis(40))
                                .build()),
                emulatorState);
        for (String name : List.of("a", "b")) {
            Path configDir = Files.createDirectories(roomsDir.resolve(name).resolve("config"));
            Path stateDir = Files.createDirectories(roomsDir.resolve(name).resolve("state"));
            TestBoards.smallEmulated(configDir);
            String deviceId = TestIdentities.provision(emulator, stateDir).deviceId();
            RunningAgent agent = RunningAgent.start(
                    emulator,
                    configDir,
                    stateDir,
                    "device.serialNumber",
                    "TEST-SERIAL-" + name,
                    "media.keepaliveInterval",
                    "500ms",
                    "media.consentTimeout",
                    "3s",
                    "media.mediaTimeout",
                    "2s",
                    "media.attemptTimeout",
                    "1s",
                    "media.raceTimeout",
                    "3s");
            rooms.add(new Room(deviceId, agent));
        }
        for (Room room : rooms) {
            assertTrue(emulator.registrations().awaitConnected(room.deviceId(), LIMIT), "registered");
            assertTrue(
                    emulator.receivedDiscoveryReports()
                            .awaitLatest(room.deviceId(), LIMIT)
                            .isPresent(),
                    "the cloud has the room's discovery report");
        }
    }

    @AfterEach
    void stop() {
        rooms.forEach(room -> room.agent().close());
        emulator.close();
    }

    @Test
    void twoRoomsJoinOneMeetingAndEachDecodesTheOthersVideoThroughTheAssignedNode() throws Exception {
        Room a = rooms.get(0);
        Room b = rooms.get(1);

        InProcessCli.Outcome joinA = a.join(MEETING);
        assertEquals(ExitCodes.OK, joinA.exitCode(), joinA::describe);
        assertTrue(joinA.out().contains("Joining meeting " + MEETING), joinA::describe);
        TwoRooms.await("room a waits for the other room", LIMIT, () -> a.phase().equals("waiting"));
        assertTrue(a.call().isEmpty(), "no media while alone");

        InProcessCli.Outcome joinB = b.join(MEETING);
        assertEquals(ExitCodes.OK, joinB.exitCode(), joinB::describe);

        TwoRooms.await(
                "both rooms in media",
                LIMIT,
                () -> a.phase().equals("in-media") && b.phase().equals("in-media"));
        TwoRooms.await(
                "each room decodes the other's video", LIMIT, () -> a.framesDecoded() > 5 && b.framesDecoded() > 5);
        assertEquals(Optional.of("node-1"), emulator.meetings().node(MEETING));
        JsonNode meeting = a.status().meeting();
        assertEquals(MEETING, meeting.path("meetingId").asText());
        assertEquals("node-1", meeting.path("node").asText());
        JsonNode path = a.status().call().path("path");
        assertEquals("udp", path.path("transport").asText(), path.toString());
        TwoRooms.await("time from join to media measured", LIMIT, () -> b.meetingNumber("joinToMediaMs") != null);

        JsonNode report = ControlJson.mapper().readTree(ReportCommand.render(b.status(), Instant.now()));
        assertEquals(
                "node-1",
                report.path("media").path("node").asText(),
                report.path("media").toString());
        assertEquals("udp", report.path("media").path("transport").asText());
        assertTrue(
                report.path("media").path("videoFramesDecoded").asLong() > 5,
                report.path("media").toString());
        assertEquals("in-media", report.path("meeting").path("phase").asText());

        InProcessCli.Outcome status = b.cli(List.of("status"));
        assertTrue(
                status.out().contains("Meeting:      " + MEETING + " (in-media) on node node-1, join to media "),
                status::describe);
    }

    @Test
    void aUdpCutMidMeetingMovesBothRoomsToTcpAndTheCloudIsToldOfEachFailover() throws Exception {
        Room a = rooms.get(0);
        Room b = rooms.get(1);
        a.agent().send(ControlRequest.meetingJoin(MEETING));
        b.agent().send(ControlRequest.meetingJoin(MEETING));
        TwoRooms.await("video both ways", LIMIT, () -> a.framesDecoded() > 5 && b.framesDecoded() > 5);
        CallMedia mediaA = a.call().orElseThrow();

        emulator.mediaNodes().cut("node-1", MediaTransport.UDP, true);
        try {
            for (Room room : rooms) {
                TwoRooms.await(
                        "the cloud is told of room " + room.deviceId() + "'s failover",
                        LIMIT,
                        () -> !emulator.meetings().failovers(room.deviceId()).isEmpty());
                SignalingMessage.MediaFailover told =
                        emulator.meetings().failovers(room.deviceId()).get(0);
                assertEquals(MEETING, told.meetingId());
                assertTrue(told.from().contains("udp"), told.toString());
                assertTrue(told.to().contains("tcp"), told.toString());
                assertNotNull(told.gapMs(), told.toString());
            }
            long frames = a.framesDecoded();
            TwoRooms.await("video resumes over tcp", LIMIT, () -> a.framesDecoded() > frames + 5);
            assertSame(mediaA, a.call().orElseThrow(), "the pipeline was not restarted");
            assertEquals(1, a.status().meeting().path("failoversReported").asInt());
        } finally {
            emulator.mediaNodes().cut("node-1", MediaTransport.UDP, false);
        }
    }

    @Test
    void whenTheNodeGoesDarkTheCloudIsToldAndMovesBothRoomsToAnotherNode() throws Exception {
        Room a = rooms.get(0);
        Room b = rooms.get(1);
        a.agent().send(ControlRequest.meetingJoin(MEETING));
        b.agent().send(ControlRequest.meetingJoin(MEETING));
        TwoRooms.await("video both ways on node-1", LIMIT, () -> a.framesDecoded() > 5 && b.framesDecoded() > 5);
        assertEquals(Optional.of("node-1"), emulator.meetings().node(MEETING));

        long cutAt = System.nanoTime();
        for (MediaTransport transport : MediaTransport.values()) {
            emulator.mediaNodes().cut("node-1", transport, true);
        }

        TwoRooms.await(
                "the meeting moves to node-2",
                LIMIT,
                () -> emulator.meetings().node(MEETING).equals(Optional.of("node-2")));
        TwoRooms.await(
                "both rooms in media on node-2",
                LIMIT,
                () -> a.onNode("node-2") && b.onNode("node-2") && a.framesDecoded() > 5 && b.framesDecoded() > 5);
        SignalingMessage.MediaFailover lost =
                emulator.meetings().failovers(a.deviceId()).get(0);
        assertEquals("node-1", lost.nodeId());
        assertNull(lost.to(), "no candidate of node-1 took over: " + lost);
    }

    @Test
    void leavingEndsTheMediaAndTheOtherRoomWaitsForANewPartner() throws Exception {
        Room a = rooms.get(0);
        Room b = rooms.get(1);
        a.agent().send(ControlRequest.meetingJoin(MEETING));
        b.agent().send(ControlRequest.meetingJoin(MEETING));
        TwoRooms.await(
                "both rooms in media",
                LIMIT,
                () -> a.phase().equals("in-media") && b.phase().equals("in-media"));

        InProcessCli.Outcome leave = a.leave();

        assertEquals(ExitCodes.OK, leave.exitCode(), leave::describe);
        assertTrue(leave.out().contains("Left meeting " + MEETING), leave::describe);
        assertNull(a.status().meeting());
        assertTrue(a.call().isEmpty(), "room a's media ended");
        TwoRooms.await("room b is told and waits", LIMIT, () -> b.phase().equals("waiting"));
        TwoRooms.await("room b's media ended", LIMIT, () -> b.call().isEmpty());
        assertTrue(
                b.status().meeting().path("detail").asText().contains("left"),
                b.status().meeting().toString());

        a.agent().send(ControlRequest.meetingJoin(MEETING));
        TwoRooms.await(
                "both back in media",
                LIMIT,
                () -> a.phase().equals("in-media") && b.phase().equals("in-media"));
    }

    @Test
    void aSecondJoinOrALeaveOutsideAMeetingIsRefusedWithAClearMessage() throws Exception {
        Room a = rooms.get(0);
        InProcessCli.Outcome nothing = a.leave();
        assertEquals(ExitCodes.FAILED, nothing.exitCode(), nothing::describe);
        assertTrue(nothing.err().contains("Nothing to leave: the room is in no meeting."), nothing::describe);

        assertEquals(ExitCodes.OK, a.join(MEETING).exitCode());
        InProcessCli.Outcome again = a.join("another");
        assertEquals(ExitCodes.FAILED, again.exitCode(), again::describe);
        assertTrue(again.err().contains("leave it first"), again::describe);

        InProcessCli.Outcome bad = rooms.get(1).join("not/a/meeting");
        assertEquals(ExitCodes.FAILED, bad.exitCode(), bad::describe);
        assertTrue(bad.err().contains("is not a meeting id"), bad::describe);
    }
}
