package com.roomagent.hal.pi4j;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.roomagent.hal.board.Board;
import com.roomagent.hal.profile.BoardProfiles;
import java.nio.file.Path;

/**
 * The outputs contract on real hardware. Runs only when asked for, on a board wired as its profile
 * says: {@code mvn -pl hal test -Droomagent.hal.test.boardProfile=/etc/room-agent/board.properties}.
 * It switches the camera power and both LEDs.
 */
class RealBoardOutputsTest extends BoardOutputsContract {
    static final String PROPERTY = "roomagent.hal.test.boardProfile";

    @Override
    protected Board openBoard() throws Exception {
        String profile = System.getProperty(PROPERTY, "");
        assumeTrue(!profile.isEmpty(), "no real board: set -D" + PROPERTY + "=<profile file> on one");
        return Pi4jBoards.open(BoardProfiles.load(Path.of(profile)), Path.of("/"));
    }
}
