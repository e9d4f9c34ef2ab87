package com.roomagent.hal.pi4j;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.roomagent.hal.board.Board;
import com.roomagent.hal.board.I2cRegisters;
import com.roomagent.hal.profile.BoardProfiles;
import com.roomagent.hal.sensor.Opt3001ChipContract;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.configuration2.MapConfiguration;
import org.junit.jupiter.api.AfterEach;

/**
 * The OPT3001 contract against a real chip through Pi4J's linuxfs I2C. Runs only when asked for:
 * {@code mvn -pl hal test -Droomagent.hal.test.opt3001=1:0x44} (bus and address) on a board that has
 * one. Opens the I2C device and nothing else.
 */
class RealOpt3001ContractTest extends Opt3001ChipContract {
    static final String PROPERTY = "roomagent.hal.test.opt3001";

    private Board board;

    @Override
    protected I2cRegisters chip() throws Exception {
        if (board == null) {
            String where = System.getProperty(PROPERTY, "");
            assumeTrue(
                    where.contains(":"), "no real OPT3001: set -D" + PROPERTY + "=<bus>:<address> on a board with one");
            String[] busAndAddress = where.split(":");
            board = Pi4jBoards.open(
                    BoardProfiles.fromConfiguration(
                            new MapConfiguration(Map.of(
                                    "board.name", "OPT3001 test",
                                    "board.platform", "raspberry-pi",
                                    "board.video.encoder", "x264",
                                    "board.ambientLight.chip", "opt3001",
                                    "board.ambientLight.i2cBus", busAndAddress[0],
                                    "board.ambientLight.i2cAddress", busAndAddress[1])),
                            PROPERTY),
                    Path.of("/"));
        }
        return board.ambientLightSensor().orElseThrow(() -> new AssertionError(board.unavailable()));
    }

    @Override
    protected void awaitConversion() throws InterruptedException {
        Thread.sleep(900); // real I/O: one 800 ms conversion, bounded
    }

    @AfterEach
    void closeBoard() {
        if (board != null) {
            board.close();
        }
    }
}
