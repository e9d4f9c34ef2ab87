package com.roomagent.agent.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceDescriptionTest {
    @TempDir
    Path directory;

    @Test
    void configuredSerialNumberWins() {
        assertEquals("SN-42", DeviceDescription.serialNumber(" SN-42 ", directory.resolve("machine-id")));
    }

    @Test
    void serialNumberIsDerivedFromTheMachineIdWithoutRevealingIt() throws Exception {
        Path machineId = Files.writeString(directory.resolve("machine-id"), "4f1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e\n");

        String serial = DeviceDescription.serialNumber("", machineId);

        assertTrue(serial.matches("RA-[0-9A-F]{12}"), serial);
        assertFalse(serial.toLowerCase(java.util.Locale.ROOT).contains("4f1c2d"), serial);
        assertEquals(serial, DeviceDescription.serialNumber("", machineId), "stable across boots");
    }

    @Test
    void withoutAMachineIdTheHostNameServes() {
        assertFalse(
                DeviceDescription.serialNumber("", directory.resolve("missing")).isBlank());
    }
}
