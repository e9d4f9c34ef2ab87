package com.roomagent.hal.pi4j;

import com.roomagent.hal.board.Board;
import com.roomagent.hal.testing.Profiles;
import java.nio.file.Path;

class EmulatedBoardOutputsTest extends BoardOutputsContract {
    @Override
    protected Board openBoard() {
        return Pi4jBoards.open(Profiles.emulated(), Path.of("/nonexistent-root"));
    }
}
