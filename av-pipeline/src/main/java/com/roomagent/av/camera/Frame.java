package com.roomagent.av.camera;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * One grayscale picture: {@code luma} holds {@code width * height} bytes, row after row from the
 * top left, one unsigned byte per pixel (0 black, 255 white), with no padding between rows. That
 * is the layout ZXing's luminance sources and provisioning's {@code GrayFrame} expect.
 *
 * <p>Ownership: a {@link FrameGrabber} allocates a new array for every frame and never touches it
 * after handing the frame out, so the receiver owns the bytes and may keep them without a copy.
 *
 * @param timestamp the presentation time of the frame in its stream, from the start of playback
 *     (a looping clip starts again at zero); {@link Duration#ZERO} if the source stamped none
 */
public record Frame(int width, int height, byte[] luma, Duration timestamp) {
    public Frame {
        Objects.requireNonNull(luma, "luma");
        Objects.requireNonNull(timestamp, "timestamp");
        if (width < 1 || height < 1 || luma.length != (long) width * height) {
            throw new IllegalArgumentException(
                    "luma must hold width * height bytes: " + width + "x" + height + ", got " + luma.length);
        }
    }

    /** The luma of the pixel at column {@code x}, row {@code y}, as 0 to 255. */
    public int lumaAt(int x, int y) {
        Objects.checkIndex(x, width);
        Objects.checkIndex(y, height);
        return Byte.toUnsignedInt(luma[y * width + x]);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Frame that
                && width == that.width
                && height == that.height
                && timestamp.equals(that.timestamp)
                && Arrays.equals(luma, that.luma);
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, timestamp, Arrays.hashCode(luma));
    }

    @Override
    public String toString() {
        return "Frame[" + width + "x" + height + ", timestamp=" + timestamp + "]";
    }
}
