package com.roomagent.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.agent.control.ControlLimits;
import com.roomagent.agent.control.ControlResponse;
import com.roomagent.agent.control.ControlServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code status} and {@code report} when the agent answers with a refusal rather than its state. */
class StateCommandsRefusalTest {
    @TempDir
    Path directory;

    @Test
    void aRefusalIsPrintedAsAnErrorWithItsExitCodeNotAsAStateOfNulls() throws Exception {
        Path socket = directory.resolve("control.sock");
        ControlServer server = ControlServer.start(
                socket,
                (request, peer) ->
                        ControlResponse.refusal(ControlResponse.BUSY, "Every handler is busy; try again in a moment."),
                ControlLimits.DEFAULT);
        try {
            for (String command : List.of("status", "report")) {
                InProcessCli.Outcome outcome = InProcessCli.run(InProcessCli.command(
                        command,
                        directory.resolve("config"),
                        directory.resolve("state"),
                        "--set",
                        "control.socketPath=" + socket));

                assertEquals(ExitCodes.TRY_LATER, outcome.exitCode(), outcome.describe());
                assertTrue(
                        outcome.err().contains("the agent refused the request (busy): Every handler is busy"),
                        outcome.describe());
                assertEquals("", outcome.out(), outcome.describe());
            }
        } finally {
            server.close();
        }
    }
}
