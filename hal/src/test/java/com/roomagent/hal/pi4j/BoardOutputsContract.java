package com.roomagent.hal.pi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.hal.board.Board;
import com.roomagent.hal.board.HardwareException;
import com.roomagent.hal.board.Led;
import com.roomagent.hal.board.OutputLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a board's outputs do, whatever drives them: the same cases run on the emulated board (Pi4J's
 * mock providers) and, when a test machine has the hardware, on a real board (gpiod and linuxfs).
 */
abstract class BoardOutputsContract {
    private Board board;

    /** Opens the board under test; the contract closes it. */
    protected abstract Board openBoard() throws Exception;

    @BeforeEach
    void open() throws Exception {
        board = openBoard();
    }

    @AfterEach
    void close() {
        if (board != null) {
            board.close();
        }
    }

    @Test
    void cameraPowerStartsOffAndFollowsWhatIsSet() throws HardwareException {
        OutputLine power = board.cameraPower().orElseThrow();

        assertFalse(power.isActive());
        power.setActive(true);
        assertTrue(power.isActive());
        power.setActive(false);
        assertFalse(power.isActive());
    }

    @Test
    void ledsTakeLevelsFromOffToFull() throws HardwareException {
        for (Led led :
                new Led[] {board.muteLed().orElseThrow(), board.statusLed().orElseThrow()}) {
            led.setLevel(1.0);
            assertEquals(1.0, led.level());
            led.setLevel(0.0);
            assertEquals(0.0, led.level());
        }
    }

    @Test
    void everyProfiledDeviceOpened() {
        assertEquals(java.util.Map.of(), board.unavailable());
    }
}
