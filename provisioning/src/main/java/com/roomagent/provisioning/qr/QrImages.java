package com.roomagent.provisioning.qr;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Shows a QR code: as a PNG image for a display, or as text for a terminal. */
public final class QrImages {
    /** The largest scale {@link #png} accepts; 40 pixels per module already fills a 4K screen. */
    public static final int MAX_PIXELS_PER_MODULE = 64;

    // Black on bright white, set explicitly: a terminal's own colours may be light on dark, which
    // inverts the code, and many phone scanners reject an inverted code.
    private static final String BLACK_ON_WHITE = "\u001b[30;107m";
    private static final String RESET = "\u001b[0m";

    private QrImages() {}

    /**
     * The code as a grey-scale PNG, {@code pixelsPerModule} pixels per module, quiet zone included.
     * Headless-safe: uses {@link BufferedImage} and {@link ImageIO} only, no display.
     *
     * @throws IllegalArgumentException if {@code pixelsPerModule} is not 1 to {@value
     *     #MAX_PIXELS_PER_MODULE}
     */
    public static byte[] png(QrMatrix matrix, int pixelsPerModule) {
        if (pixelsPerModule < 1 || pixelsPerModule > MAX_PIXELS_PER_MODULE) {
            throw new IllegalArgumentException(
                    "pixelsPerModule is " + pixelsPerModule + "; it must be 1 to " + MAX_PIXELS_PER_MODULE);
        }
        int side = matrix.size() * pixelsPerModule;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        int[] row = new int[side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                row[x] = matrix.dark(x / pixelsPerModule, y / pixelsPerModule) ? 0 : 255;
            }
            raster.setSamples(0, y, side, 1, 0, row);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("this Java runtime has no PNG writer (java.desktop module)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing a PNG to memory failed", e);
        }
        return out.toByteArray();
    }

    /**
     * The code as lines of text for a terminal: each character is one module wide and two modules
     * tall (Unicode half blocks, U+2580 and U+2584, and full block U+2588), in explicit ANSI black
     * on bright white, so it scans from a screenshot whatever the terminal's colours. One line per
     * two module rows, {@code (size + 1) / 2} lines, each ending in {@code \n}; the colours are reset
     * at the end of each line.
     */
    public static String ansi(QrMatrix matrix) {
        int size = matrix.size();
        StringBuilder text = new StringBuilder((size + 12) * (size + 1) / 2);
        for (int y = 0; y < size; y += 2) {
            text.append(BLACK_ON_WHITE);
            for (int x = 0; x < size; x++) {
                boolean top = matrix.dark(x, y);
                // An odd size leaves the last line's lower half outside the code: light, like the quiet zone.
                boolean bottom = y + 1 < size && matrix.dark(x, y + 1);
                text.append(top ? (bottom ? '\u2588' : '\u2580') : (bottom ? '\u2584' : ' '));
            }
            text.append(RESET).append('\n');
        }
        return text.toString();
    }
}
