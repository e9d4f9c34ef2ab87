package com.roomagent.hal.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every profile mistake stops the load with the file, the key and what is wrong. */
class BoardProfileValidationTest {
    private static final String MINIMAL =
            "board.name=Test board\nboard.platform=raspberry-pi\nboard.video.encoder=x264\n";

    @TempDir
    Path dir;

    @Test
    void lineUsedTwiceNamesBothKeys() throws IOException {
        BoardProfileException error = rejected(MINIMAL + "board.muteButton.line=22\nboard.muteLed.line=22\n");

        assertEquals(Optional.of("board.muteLed.line"), error.key());
        assertEquals(
                file() + ": board.muteLed.line: line 22 is already used by board.muteButton.line;"
                        + " every line drives one thing, give each device its own line",
                error.getMessage());
    }

    @Test
    void pwmChannelUsedTwiceIsRefused() throws IOException {
        BoardProfileException error = rejected(MINIMAL
                + "board.muteLed.line=12\nboard.muteLed.pwmChannel=0\n"
                + "board.statusLed.line=13\nboard.statusLed.pwmChannel=0\n");

        assertEquals(Optional.of("board.statusLed.pwmChannel"), error.key());
        assertEquals(
                file() + ": board.statusLed.pwmChannel: PWM channel 0 is already used by board.muteLed.pwmChannel;"
                        + " each LED needs its own channel (or none, to switch it on and off)",
                error.getMessage());
    }

    @Test
    void sensorWithoutBusIsRefused() throws IOException {
        BoardProfileException error =
                rejected(MINIMAL + "board.ambientLight.chip=opt3001\nboard.ambientLight.i2cAddress=0x44\n");

        assertEquals(
                file() + ": board.ambientLight.i2cBus: missing; expected the I2C bus the opt3001 sits on"
                        + " (1 for /dev/i2c-1)",
                error.getMessage());
    }

    @Test
    void unknownChipListsTheSupportedOnes() throws IOException {
        BoardProfileException error = rejected(MINIMAL
                + "board.ambientLight.chip=bh1750\nboard.ambientLight.i2cBus=1\nboard.ambientLight.i2cAddress=0x23\n");

        assertEquals(file() + ": board.ambientLight.chip: 'bh1750' is not one of opt3001", error.getMessage());
    }

    @Test
    void addressTheChipCannotHaveIsRefused() throws IOException {
        BoardProfileException error = rejected(MINIMAL
                + "board.ambientLight.chip=opt3001\nboard.ambientLight.i2cBus=1\nboard.ambientLight.i2cAddress=0x23\n");

        assertEquals(
                file() + ": board.ambientLight.i2cAddress: 0x23 is not an address the opt3001 can have;"
                        + " expected one of 0x44, 0x45, 0x46, 0x47 (set by the chip's ADDR pin)",
                error.getMessage());
    }

    @Test
    void badNumberSaysWhatIsExpected() throws IOException {
        BoardProfileException error = rejected(MINIMAL + "board.muteButton.line=twenty-two\n");

        assertEquals(
                file() + ": board.muteButton.line: 'twenty-two' is not a whole number;"
                        + " expected a BCM GPIO number from 0 to 27 (the 40-pin header)",
                error.getMessage());
    }

    @Test
    void lineBeyondTheRaspberryPiHeaderIsRefused() throws IOException {
        BoardProfileException error = rejected(MINIMAL + "board.cameraPower.line=40\n");

        assertEquals(
                file() + ": board.cameraPower.line: 40 is out of range;"
                        + " expected a BCM GPIO number from 0 to 27 (the 40-pin header)",
                error.getMessage());
    }

    @Test
    void badDurationSaysWhatIsExpected() throws IOException {
        BoardProfileException error = rejected(MINIMAL + "board.muteButton.line=22\nboard.muteButton.debounce=short\n");

        assertEquals(
                file() + ": board.muteButton.debounce: 'short' is not a duration;"
                        + " expected a duration such as 30ms, 5s or PT5S",
                error.getMessage());
    }

    @Test
    void sensorPolledFasterThanItConvertsIsRefused() throws IOException {
        BoardProfileException error =
                rejected(MINIMAL + "board.ambientLight.chip=opt3001\nboard.ambientLight.i2cBus=1\n"
                        + "board.ambientLight.i2cAddress=0x44\nboard.ambientLight.pollInterval=200ms\n");

        assertEquals(
                file()
                        + ": board.ambientLight.pollInterval: 200ms is out of range; expected from 1s to 1h (default 5s)",
                error.getMessage());
    }

    @Test
    void unknownBoardKeySuggestsTheClosestOne() throws IOException {
        BoardProfileException error = rejected(MINIMAL + "board.muteButon.line=22\n");

        assertEquals(
                file() + ": board.muteButon.line: unknown board key; did you mean board.muteButton.line?"
                        + " every key is listed in docs/hal.md",
                error.getMessage());
    }

    @Test
    void keySetTwiceIsRefused() throws IOException {
        BoardProfileException error = rejected(MINIMAL + "board.muteButton.line=22\nboard.muteButton.line=23\n");

        assertEquals(file() + ": board.muteButton.line: is set 2 times; keep one", error.getMessage());
    }

    @Test
    void deviceKeysWithoutTheirLineAreRefused() throws IOException {
        BoardProfileException error = rejected(MINIMAL + "board.muteButton.pull=up\n");

        assertEquals(
                file() + ": board.muteButton.pull: is set but board.muteButton.line is not;"
                        + " set board.muteButton.line or remove the board.muteButton.* keys",
                error.getMessage());
    }

    @Test
    void missingPlatformListsThePlatforms() throws IOException {
        BoardProfileException error = rejected("board.name=Test\nboard.video.encoder=x264\n");

        assertEquals(
                file() + ": board.platform: missing; expected one of raspberry-pi, generic-linux, emulated",
                error.getMessage());
    }

    @Test
    void unknownEncoderListsTheEncoders() throws IOException {
        BoardProfileException error =
                rejected("board.name=Test\nboard.platform=emulated\nboard.video.encoder=omxh264enc\n");

        assertEquals(
                file() + ": board.video.encoder: 'omxh264enc' is not one of v4l2h264enc, x264", error.getMessage());
    }

    @Test
    void missingFileSaysWhatToDo() {
        BoardProfileException error =
                assertThrows(BoardProfileException.class, () -> BoardProfiles.load(dir.resolve("none.properties")));

        assertEquals(
                dir.resolve("none.properties") + ": is not a readable file; write a profile there (docs/hal.md)"
                        + " or copy a built-in one: raspberry-pi-room-kit, generic-arm64, emulated",
                error.getMessage());
    }

    @Test
    void keysOfOtherLayersAreLeftToTheirOwner() throws IOException, BoardProfileException {
        Files.writeString(file(), MINIMAL + "provisioning.camera=test-pattern\n");

        assertEquals("Test board", BoardProfiles.load(file()).name());
    }

    @Test
    void inputDefaultsToPullUpAndActiveLowAndPullDownMeansActiveHigh() throws IOException, BoardProfileException {
        Files.writeString(
                file(),
                MINIMAL + "board.muteButton.line=22\nboard.privacyShutter.line=27\n"
                        + "board.privacyShutter.pull=down\n");

        BoardProfile profile = BoardProfiles.load(file());

        assertEquals(
                new InputLineSpec(22, Level.LOW, Pull.UP, Duration.ofMillis(30)),
                profile.muteButton().orElseThrow());
        assertEquals(
                new InputLineSpec(27, Level.HIGH, Pull.DOWN, Duration.ofMillis(50)),
                profile.privacyShutter().orElseThrow());
    }

    private BoardProfileException rejected(String text) throws IOException {
        Files.writeString(file(), text);
        BoardProfileException error = assertThrows(BoardProfileException.class, () -> BoardProfiles.load(file()));
        assertEquals(file().toString(), error.source());
        return error;
    }

    private Path file() {
        return dir.resolve("board.properties");
    }
}
