package com.roomagent.agent.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.protocol.activation.PairingSession;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulatedDisplayTest {
    private static final PairingSession SESSION = new PairingSession(
            "p-1",
            "ABCD-EFGH",
            URI.create("https://cloud.example/pair/ABCD-EFGH"),
            Instant.parse("2030-01-01T00:00:00Z"),
            2);

    @TempDir
    Path directory;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private EmulatedDisplay display() {
        return new EmulatedDisplay(directory, new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    private String screen() throws Exception {
        return Files.readString(directory.resolve(EmulatedDisplay.SCREEN_TEXT));
    }

    private int count(String text) {
        String all = console.toString(StandardCharsets.UTF_8);
        return all.split(java.util.regex.Pattern.quote(text), -1).length - 1;
    }

    @Test
    void pairingWritesTheQrImageAndTheScreenAndDrawsTheCodeOnceOnTheConsole() throws Exception {
        EmulatedDisplay display = display();

        display.showPairing(SESSION);
        display.showMessage("The cloud is unreachable.");
        display.showPairing(SESSION);

        assertTrue(Files.size(directory.resolve(EmulatedDisplay.PAIRING_IMAGE)) > 100);
        assertTrue(screen().contains("Pairing code: ABCD-EFGH"), screen());
        assertEquals(1, count("Pairing code: ABCD-EFGH"), "drawn once per session");
        assertTrue(count("\u001b[30;107m") > 10, "the ANSI QR code is on the console");
    }

    @Test
    void messagesAreShownUnderTheCodeAndPrintedOnce() throws Exception {
        EmulatedDisplay display = display();
        display.showPairing(SESSION);

        display.showMessage("This activation code has expired.");
        display.showMessage("This activation code has expired.");

        assertTrue(screen().contains("Pairing code: ABCD-EFGH"), screen());
        assertTrue(screen().endsWith("This activation code has expired.\n"), screen());
        assertEquals(1, count("room-agent: This activation code has expired."));
    }

    @Test
    void provisionedRemovesTheQrCode() throws Exception {
        EmulatedDisplay display = display();
        display.showPairing(SESSION);

        display.showProvisioned("dev-1", "org-demo");

        assertFalse(Files.exists(directory.resolve(EmulatedDisplay.PAIRING_IMAGE)));
        assertEquals("This device is provisioned: device dev-1 of organization org-demo.\n", screen());
    }
}
