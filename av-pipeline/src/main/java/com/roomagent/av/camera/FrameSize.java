package com.roomagent.av.camera;

/**
 * The size of the frames a {@link FrameGrabber} delivers, in pixels. The source is scaled to it
 * with square pixels, keeping the picture's aspect ratio (black borders fill the rest).
 *
 * <p>A width that is a multiple of 4 is the cheap choice: GStreamer pads every GRAY8 row to a
 * multiple of 4 bytes, and other widths cost a copy per row to remove the padding (frames are
 * always delivered unpadded).
 */
public record FrameSize(int width, int height) {
    /** The largest width or height accepted; far beyond what a scanner needs. */
    public static final int MAX_SIDE = 8192;

    /** 640x480: enough for a QR code held up to the camera, cheap to decode on an ARM board. */
    public static final FrameSize SCANNER = new FrameSize(640, 480);

    public FrameSize {
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException(
                    "frame size must be 1.." + MAX_SIDE + " on each side, got " + width + "x" + height);
        }
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
