package com.roomagent.av.camera;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** PNG images with a known pattern, drawn with java.awt in headless mode. */
final class TestImages {
    private TestImages() {}

    /** A white RGB image with a black square of side {@code side} whose top left corner is at (x, y). */
    static Path blackSquareOnWhite(Path file, int width, int height, int x, int y, int side) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, width, height);
            graphics.setColor(Color.BLACK);
            graphics.fillRect(x, y, side, side);
        } finally {
            graphics.dispose();
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
        return file;
    }
}
