package com.roomagent.provisioning.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrImagesTest {
    private static final String TEXT = "ROOMAGENT:ACTIVATE:4821093755621184";
    private static final String BLACK_ON_WHITE = "\u001b[30;107m";
    private static final String RESET = "\u001b[0m";

    @Test
    void aPngHasTheRequestedPixelsPerModule() throws Exception {
        QrMatrix matrix = QrCodes.encode(TEXT);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrImages.png(matrix, 5)));

        assertEquals(matrix.size() * 5, image.getWidth());
        assertEquals(matrix.size() * 5, image.getHeight());
        assertEquals(0xffffffff, image.getRGB(0, 0)); // quiet zone
        assertEquals(0xff000000, image.getRGB(4 * 5, 4 * 5)); // finder pattern
    }

    @Test
    void pixelsPerModuleOutOfRangeAreRefused() {
        QrMatrix matrix = QrCodes.encode(TEXT);

        assertThrows(IllegalArgumentException.class, () -> QrImages.png(matrix, 0));
        assertThrows(IllegalArgumentException.class, () -> QrImages.png(matrix, QrImages.MAX_PIXELS_PER_MODULE + 1));
    }

    @Test
    void ansiHasOneLinePerTwoModuleRowsEachInBlackOnWhite() {
        QrMatrix matrix = QrCodes.encode(TEXT);

        String[] lines = QrImages.ansi(matrix).split("\n", -1);

        assertEquals((matrix.size() + 1) / 2 + 1, lines.length); // the text ends with a line feed
        assertEquals("", lines[lines.length - 1]);
        for (int i = 0; i < lines.length - 1; i++) {
            assertTrue(lines[i].startsWith(BLACK_ON_WHITE) && lines[i].endsWith(RESET), lines[i]);
            assertEquals(matrix.size(), cells(lines[i]).length());
        }
    }

    @Test
    void ansiScansWhenDrawnAsATerminalWould() {
        QrMatrix matrix = QrCodes.encode(TEXT);
        String[] lines = QrImages.ansi(matrix).split("\n");
        int pixels = 4;
        int width = matrix.size() * pixels;
        int height = lines.length * 2 * pixels;
        byte[] luma = new byte[width * height];

        // A terminal cell is one module wide and two tall: the upper and lower halves of each glyph.
        for (int row = 0; row < lines.length; row++) {
            String cells = cells(lines[row]);
            for (int column = 0; column < cells.length(); column++) {
                char glyph = cells.charAt(column);
                boolean top = glyph == '\u2580' || glyph == '\u2588';
                boolean bottom = glyph == '\u2584' || glyph == '\u2588';
                for (int y = 0; y < 2 * pixels; y++) {
                    boolean dark = y < pixels ? top : bottom;
                    for (int x = 0; x < pixels; x++) {
                        luma[(row * 2 * pixels + y) * width + column * pixels + x] = (byte) (dark ? 0 : 255);
                    }
                }
            }
        }

        assertEquals(Optional.of(TEXT), QrScanner.scan(new GrayFrame(width, height, luma)));
    }

    private static String cells(String line) {
        return line.substring(BLACK_ON_WHITE.length(), line.length() - RESET.length());
    }
}
