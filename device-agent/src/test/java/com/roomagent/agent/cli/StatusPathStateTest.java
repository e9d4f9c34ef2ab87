package com.roomagent.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.roomagent.agent.control.ControlJson;
import com.roomagent.agent.media.PathStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The media path's state as `room-agent status` prints it, from the control protocol's JSON. */
class StatusPathStateTest {
    private static JsonNode json(String state, PathStatus.Unavailable unavailable) {
        PathStatus status = new PathStatus(
                "meeting-1",
                state,
                "node-1",
                "udp",
                null,
                null,
                null,
                null,
                "lost",
                null,
                180L,
                List.of(),
                unavailable);
        return ControlJson.mapper().valueToTree(status);
    }

    @Test
    void anUpPathShowsItsState() {
        assertEquals("up", StatusCommand.pathState(json("up", null)));
    }

    @Test
    void anUnavailablePathShowsWhenItTriesAgainAndWhy() {
        PathStatus.Unavailable unavailable =
                new PathStatus.Unavailable("no media path to node node-1", "2026-11-25T22:00:00Z", 3, 3200);

        assertEquals(
                "unavailable, next attempt in 4 s (no media path to node node-1)",
                StatusCommand.pathState(json("unavailable", unavailable)));
    }

    @Test
    void anUnavailablePathWhoseRetryRunsSaysSo() {
        PathStatus.Unavailable unavailable =
                new PathStatus.Unavailable("no media path to node node-1", "2026-11-25T22:00:00Z", 3, 0);

        assertEquals(
                "unavailable, retrying now (no media path to node node-1)",
                StatusCommand.pathState(json("connecting", unavailable)));
    }
}
