package com.roomagent.hal.pi4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.hal.board.Board;
import com.roomagent.hal.board.EmulatedBoardControls;
import com.roomagent.hal.board.HardwareException;
import com.roomagent.hal.board.InputLine;
import com.roomagent.hal.sensor.Opt3001Registers;
import com.roomagent.hal.testing.Profiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The emulated board: the profile's lines on Pi4J's mock platform, driven by its controls. */
class EmulatedBoardTest {
    @TempDir
    Path root;

    private Board board;

    @AfterEach
    void closeBoard() {
        if (board != null) {
            board.close();
        }
    }

    @Test
    void opensEveryDeviceOfTheProfileOnTheMockPlatform() {
        board = Pi4jBoards.open(Profiles.emulated(), root);

        assertEquals(Map.of(), board.unavailable());
        assertTrue(board.cameraPower().isPresent() && board.privacyShutter().isPresent());
        assertTrue(board.muteButton().isPresent()
                && board.muteLed().isPresent()
                && board.statusLed().isPresent());
        assertTrue(board.ambientLightSensor().isPresent());
        assertTrue(board.emulatedControls().isPresent());
    }

    @Test
    void inputsStartAtRestAndFollowTheControlsEdgeByEdge() throws HardwareException {
        board = Pi4jBoards.open(Profiles.emulated(), root);
        InputLine button = board.muteButton().orElseThrow();
        List<Boolean> edges = new ArrayList<>();
        button.setListener(edges::add);
        EmulatedBoardControls controls = board.emulatedControls().orElseThrow();

        assertFalse(button.isActive());
        controls.pressMuteButton();
        assertTrue(button.isActive());
        controls.releaseMuteButton();
        controls.releaseMuteButton(); // no edge: already released

        assertEquals(List.of(true, false), edges);
    }

    @Test
    void activeLowButtonPullsTheMockLineLow() throws HardwareException {
        board = Pi4jBoards.open(Profiles.emulated(), root); // board.muteButton.activeLevel=low
        Pi4jInputLine button = (Pi4jInputLine) board.muteButton().orElseThrow();

        board.emulatedControls().orElseThrow().pressMuteButton();

        assertEquals(com.pi4j.io.gpio.digital.DigitalState.LOW, button.input().state());
    }

    @Test
    void shutterControlClosesTheShutterLine() throws HardwareException {
        board = Pi4jBoards.open(Profiles.emulated(), root);

        board.emulatedControls().orElseThrow().closePrivacyShutter();

        assertTrue(board.privacyShutter().orElseThrow().isActive());
    }

    @Test
    void pwmLedDutyCycleIsTheLevelTimesTheProfilesBrightness() throws HardwareException {
        board = Pi4jBoards.open(Profiles.emulated(), root); // mute LED at 80 %
        Pi4jPwmLed led = (Pi4jPwmLed) board.muteLed().orElseThrow();

        led.setLevel(0.5);
        assertEquals(40f, led.dutyCyclePercent(), 1e-3);
        led.setLevel(0);
        assertEquals(0f, led.dutyCyclePercent());
    }

    @Test
    void ledWithoutPwmIsSwitchedOnAndOff() throws HardwareException {
        board = Pi4jBoards.open(Profiles.emulatedWith(Map.of("board.statusLed.pwmChannel", "")), root);

        board.statusLed().orElseThrow().setLevel(0.7);
        assertEquals(1.0, board.statusLed().orElseThrow().level());
        board.statusLed().orElseThrow().setLevel(0.3);
        assertEquals(0.0, board.statusLed().orElseThrow().level());
    }

    @Test
    void lightControlReachesTheEmulatedChipsRegisters() throws HardwareException {
        board = Pi4jBoards.open(Profiles.emulated(), root);
        var chip = board.ambientLightSensor().orElseThrow();
        chip.writeWord(Opt3001Registers.CONFIGURATION, Opt3001Registers.CONFIGURATION_CONTINUOUS);

        board.emulatedControls().orElseThrow().setAmbientLight(1000);

        assertEquals(1000.0, Opt3001Registers.luxOf(chip.readWord(Opt3001Registers.RESULT)), 0.32);
    }

    @Test
    void closeSwitchesTheCameraOffAndCanBeRepeated() throws HardwareException {
        board = Pi4jBoards.open(Profiles.emulated(), root);
        board.cameraPower().orElseThrow().setActive(true);

        board.close();
        board.close();

        assertFalse(board.cameraPower().orElseThrow().isActive());
    }

    @Test
    void controlForADeviceTheBoardLacksNamesTheMissingKey() {
        board = Pi4jBoards.open(
                Profiles.emulatedWith(Map.of(
                        "board.muteButton.line", "",
                        "board.muteButton.pull", "",
                        "board.muteButton.activeLevel", "",
                        "board.muteButton.debounce", "")),
                root);

        IllegalStateException error = assertThrows(
                IllegalStateException.class,
                () -> board.emulatedControls().orElseThrow().pressMuteButton());

        assertEquals(
                "the emulated board has no such device: its profile does not set board.muteButton.line",
                error.getMessage());
    }
}
