package com.roomagent.provisioning.qr;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;

/** Camera frames for tests: decoded images, and codes drawn into noisy scenes. */
final class Frames {
    private Frames() {}

    /** Decodes an image (PNG...) into luminance, as a camera adapter would. */
    static GrayFrame fromImage(byte[] encoded) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(encoded));
        byte[] luma = new byte[image.getWidth() * image.getHeight()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int gray = (((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114) / 1000;
                luma[y * image.getWidth() + x] = (byte) gray;
            }
        }
        return new GrayFrame(image.getWidth(), image.getHeight(), luma);
    }

    /**
     * A {@code width} by {@code height} scene of random grey, with {@code matrix} drawn at {@code (left,
     * top)}, {@code pixelsPerModule} pixels per module (fractional: nearest-neighbour, as a camera's
     * scaling blurs module edges), dark 40 and light 210, every pixel then shifted by noise up to
     * {@code noise}.
     */
    static GrayFrame scene(
            QrMatrix matrix, int width, int height, int left, int top, double pixelsPerModule, int noise, long seed) {
        Random random = new Random(seed);
        byte[] luma = new byte[width * height];
        int side = (int) Math.floor(matrix.size() * pixelsPerModule);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int value;
                if (x >= left && x < left + side && y >= top && y < top + side) {
                    int moduleX = (int) ((x - left) / pixelsPerModule);
                    int moduleY = (int) ((y - top) / pixelsPerModule);
                    value = matrix.dark(moduleX, moduleY) ? 40 : 210;
                } else {
                    value = 60 + random.nextInt(160);
                }
                value += random.nextInt(2 * noise + 1) - noise;
                luma[y * width + x] = (byte) Math.max(0, Math.min(255, value));
            }
        }
        return new GrayFrame(width, height, luma);
    }

    /** Random grey everywhere: no code. */
    static GrayFrame noise(int width, int height, long seed) {
        byte[] luma = new byte[width * height];
        new Random(seed).nextBytes(luma);
        return new GrayFrame(width, height, luma);
    }
}
