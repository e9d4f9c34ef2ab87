package com.roomagent.agent.provisioning;

import com.roomagent.protocol.activation.PairingSession;
import com.roomagent.provisioning.qr.QrCodes;
import com.roomagent.provisioning.qr.QrImages;
import com.roomagent.provisioning.qr.QrMatrix;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulated board's display: {@value #PAIRING_IMAGE} (the pairing QR code as a PNG) and {@value
 * #SCREEN_TEXT} (everything the screen says) in a directory, each replaced atomically, and the
 * console (standard output), where the QR code is drawn in ANSI once per pairing session and every
 * message is printed once.
 *
 * <p>Thread-safe: every method holds the instance's lock.
 */
public final class EmulatedDisplay implements Display {
    /** The pairing QR code, 8 pixels per module with the quiet zone; removed once provisioned. */
    public static final String PAIRING_IMAGE = "pairing.png";
    /** The screen's text, UTF-8. */
    public static final String SCREEN_TEXT = "screen.txt";

    private static final Logger LOG = LoggerFactory.getLogger(EmulatedDisplay.class);
    private static final int PIXELS_PER_MODULE = 8;

    private final Path directory;
    private final PrintStream console;
    private PairingSession pairing;
    private String message = "";
    private String provisioned = "";

    /**
     * @param directory where the files go ({@code <state dir>/display}); created when needed
     * @param console where the ANSI QR code and messages are printed (standard output); not owned
     */
    public EmulatedDisplay(Path directory, PrintStream console) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.console = Objects.requireNonNull(console, "console");
    }

    @Override
    public synchronized void showPairing(PairingSession session) {
        boolean fresh = pairing == null || !pairing.pairingId().equals(session.pairingId());
        pairing = session;
        provisioned = "";
        message = "";
        QrMatrix qr = QrCodes.encode(session.pairingUri().toString());
        write(PAIRING_IMAGE, QrImages.png(qr, PIXELS_PER_MODULE));
        render();
        if (fresh) {
            console.print(QrImages.ansi(qr));
            console.println("Scan the QR code, or open " + session.pairingUri());
            console.println("Pairing code: " + session.shortCode() + " (valid until " + session.expiresAt() + ")");
            console.println("Or type an activation code: room-agent activate CODE");
            console.flush();
        }
    }

    @Override
    public synchronized void showMessage(String text) {
        if (text.equals(message)) {
            return;
        }
        message = text;
        render();
        console.println("room-agent: " + text);
        console.flush();
    }

    @Override
    public synchronized void showProvisioned(String deviceId, String organizationId) {
        pairing = null;
        message = "";
        provisioned = "This device is provisioned: device " + deviceId + " of organization " + organizationId + ".";
        try {
            Files.deleteIfExists(directory.resolve(PAIRING_IMAGE));
        } catch (IOException e) {
            LOG.warn("event=display-write-failed file={} error=\"{}\"", PAIRING_IMAGE, e.toString());
        }
        render();
        console.println("room-agent: " + provisioned);
        console.flush();
    }

    private void render() {
        List<String> lines = new ArrayList<>();
        if (!provisioned.isEmpty()) {
            lines.add(provisioned);
        } else {
            lines.add("This device is not provisioned.");
            if (pairing != null) {
                lines.add("Scan the QR code, or open " + pairing.pairingUri());
                lines.add("Pairing code: " + pairing.shortCode());
                lines.add("Valid until: " + pairing.expiresAt());
            }
            lines.add("Or type an activation code: room-agent activate CODE");
            if (!message.isEmpty()) {
                lines.add("");
                lines.add(message);
            }
        }
        write(SCREEN_TEXT, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private void write(String file, byte[] content) {
        try {
            AtomicFiles.write(directory.resolve(file), content);
        } catch (IOException e) {
            LOG.warn("event=display-write-failed file={} error=\"{}\"", directory.resolve(file), e.toString());
        }
    }
}
