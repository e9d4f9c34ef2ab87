package com.roomagent.provisioning.qr;

import java.util.Arrays;
import java.util.Objects;

/**
 * One grey-scale camera frame: 8-bit luminance, one byte per pixel, rows from the top, each row
 * from the left (the Y plane of an I420 or NV12 frame). Immutable: the bytes are copied in and out.
 *
 * @param width pixels per row, at least 1
 * @param height rows, at least 1
 * @param luma {@code width * height} bytes, read as unsigned (0 black, 255 white)
 */
public record GrayFrame(int width, int height, byte[] luma) {
    public GrayFrame {
        Objects.requireNonNull(luma, "luma");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a frame is at least 1 by 1 pixel, not " + width + " by " + height);
        }
        if ((long) width * height != luma.length) {
            throw new IllegalArgumentException("a " + width + " by " + height + " frame has " + (long) width * height
                    + " luma bytes, not " + luma.length);
        }
        luma = luma.clone();
    }

    /** A copy of the luminance bytes. */
    @Override
    public byte[] luma() {
        return luma.clone();
    }

    /** The frame's own bytes, without a copy, for the scanner of this package, which only reads them. */
    byte[] lumaForReading() {
        return luma;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GrayFrame frame
                && frame.width == width
                && frame.height == height
                && Arrays.equals(frame.luma, luma);
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, Arrays.hashCode(luma));
    }

    @Override
    public String toString() {
        return "GrayFrame[" + width + "x" + height + "]";
    }
}
