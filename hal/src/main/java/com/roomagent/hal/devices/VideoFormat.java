package com.roomagent.hal.devices;

/**
 * One frame size of one pixel format a camera offers.
 *
 * @param pixelFormat the V4L2 name of the format: {@code YUYV}, {@code NV12}, {@code MJPG},
 *     {@code H264}, or the FourCC from the camera's format GUID
 * @param width pixels
 * @param height pixels
 * @param maxFps the highest frame rate the camera lists for this size
 */
public record VideoFormat(String pixelFormat, int width, int height, double maxFps) {
    /** Whether this size and rate fit within a board's caps. */
    public boolean fitsWithin(int maxWidth, int maxHeight, int maxFrameRate) {
        return width <= maxWidth && height <= maxHeight && Math.round(maxFps) <= maxFrameRate;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s %dx%d@%s", pixelFormat, width, height, fps());
    }

    private String fps() {
        return maxFps == Math.rint(maxFps) ? Long.toString(Math.round(maxFps)) : String.format("%.2f", maxFps);
    }
}
