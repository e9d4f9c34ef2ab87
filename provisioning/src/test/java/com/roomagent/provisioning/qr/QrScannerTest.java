package com.roomagent.provisioning.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class QrScannerTest {
    private static final String TEXT = "ROOMAGENT:ACTIVATE:4821093755621184";

    @Test
    void aPngOfACodeScansBackToItsText() throws Exception {
        byte[] png = QrImages.png(QrCodes.encode(TEXT), 4);

        assertEquals(Optional.of(TEXT), QrScanner.scan(Frames.fromImage(png)));
    }

    @Test
    void textOutsideAsciiSurvivesTheRoundTrip() throws Exception {
        String text = "Raum Zürich — Stockwerk 3 ✓";

        assertEquals(Optional.of(text), QrScanner.scan(Frames.fromImage(QrImages.png(QrCodes.encode(text), 3))));
    }

    @Test
    void aCodeInANoisyCameraFrameIsFoundAtAnOffsetAndAnOddScale() {
        GrayFrame frame = Frames.scene(QrCodes.encode(TEXT), 640, 480, 211, 97, 3.6, 25, 7);

        assertEquals(Optional.of(TEXT), QrScanner.scan(frame));
    }

    @Test
    void aFrameWithoutACodeGivesNothing() {
        assertEquals(Optional.empty(), QrScanner.scan(Frames.noise(640, 480, 11)));
        assertEquals(Optional.empty(), QrScanner.scan(new GrayFrame(64, 48, new byte[64 * 48])));
    }

    @Test
    void aFrameMustHoldOneByteForEveryPixel() {
        var e = assertThrows(IllegalArgumentException.class, () -> new GrayFrame(4, 3, new byte[11]));

        assertEquals("a 4 by 3 frame has 12 luma bytes, not 11", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GrayFrame(0, 3, new byte[0]));
    }

    @Test
    void aFrameKeepsItsOwnCopyOfTheBytes() {
        byte[] luma = new byte[4];
        GrayFrame frame = new GrayFrame(2, 2, luma);
        luma[0] = 9;
        frame.luma()[1] = 9;

        assertEquals(new GrayFrame(2, 2, new byte[4]), frame);
    }
}
