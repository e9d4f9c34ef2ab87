package com.roomagent.hal.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class BuiltInProfilesTest {
    @Test
    void threeProfilesShipInTheJar() throws BoardProfileException {
        assertEquals(List.of("raspberry-pi-room-kit", "generic-arm64", "emulated"), BoardProfiles.builtInNames());
        for (String name : BoardProfiles.builtInNames()) {
            BoardProfile profile = BoardProfiles.builtIn(name);
            assertEquals("built-in profile " + name, profile.source());
        }
    }

    @Test
    void raspberryPiRoomKitHasEveryRoomDeviceOnRealDrivers() throws BoardProfileException {
        BoardProfile kit = BoardProfiles.builtIn(BoardProfiles.RASPBERRY_PI_ROOM_KIT);

        assertEquals(Platform.RASPBERRY_PI, kit.platform());
        assertEquals(new OutputLineSpec(17, Level.HIGH), kit.cameraPower().orElseThrow());
        assertEquals(
                new InputLineSpec(27, Level.LOW, Pull.UP, Duration.ofMillis(50)),
                kit.privacyShutter().orElseThrow());
        assertEquals(
                new InputLineSpec(22, Level.LOW, Pull.UP, Duration.ofMillis(30)),
                kit.muteButton().orElseThrow());
        assertEquals(new LedSpec(12, OptionalInt.of(0), 1000, 80), kit.muteLed().orElseThrow());
        assertEquals(
                new LedSpec(13, OptionalInt.of(1), 1000, 60), kit.statusLed().orElseThrow());
        assertEquals(
                new AmbientLightSpec(SensorChip.OPT3001, 1, 0x44, Duration.ofSeconds(5)),
                kit.ambientLight().orElseThrow());
        assertEquals(new VideoSpec(Encoder.V4L2H264ENC, 1920, 1080, 30), kit.video());
        assertEquals(List.of("unicam-image", "rp1-cfe-csi2_ch0"), kit.devices().cameraNames());
    }

    @Test
    void genericArm64UsesUsbDevicesAndSoftwareEncodingOnly() throws BoardProfileException {
        BoardProfile generic = BoardProfiles.builtIn(BoardProfiles.GENERIC_ARM64);

        assertEquals(Platform.GENERIC_LINUX, generic.platform());
        assertTrue(generic.cameraPower().isEmpty()
                && generic.muteButton().isEmpty()
                && generic.statusLed().isEmpty());
        assertTrue(generic.ambientLight().isEmpty());
        assertEquals(Encoder.X264, generic.video().encoder());
        assertTrue(generic.devices().usbCameras());
    }

    @Test
    void emulatedBoardHasTheRoomKitsLinesOnTheMockPlatform() throws BoardProfileException {
        BoardProfile kit = BoardProfiles.builtIn(BoardProfiles.RASPBERRY_PI_ROOM_KIT);
        BoardProfile emulated = BoardProfiles.builtIn(BoardProfiles.EMULATED);

        assertEquals(Platform.EMULATED, emulated.platform());
        assertEquals(kit.cameraPower(), emulated.cameraPower());
        assertEquals(kit.privacyShutter(), emulated.privacyShutter());
        assertEquals(kit.muteButton(), emulated.muteButton());
        assertEquals(kit.muteLed(), emulated.muteLed());
        assertEquals(kit.ambientLight(), emulated.ambientLight());
        assertEquals(List.of("vivid-000-vid-cap"), emulated.devices().cameraNames());
        assertFalse(emulated.devices().soundCards().isEmpty());
    }

    @Test
    void unknownBuiltInProfileListsTheKnownOnes() {
        BoardProfileException error = assertThrows(BoardProfileException.class, () -> BoardProfiles.builtIn("pi-zero"));

        assertEquals(
                "built-in profile pi-zero: no such profile; the built-in profiles are"
                        + " raspberry-pi-room-kit, generic-arm64, emulated",
                error.getMessage());
    }
}
