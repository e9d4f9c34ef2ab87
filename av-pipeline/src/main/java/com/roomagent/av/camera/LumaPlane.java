package com.roomagent.av.camera;

import java.nio.ByteBuffer;

/**
 * Copies a GRAY8 picture out of a GStreamer buffer into a packed array (no row padding).
 *
 * <p>GStreamer's default layout for GRAY8, used whenever no {@code GstVideoMeta} is negotiated (an
 * appsink negotiates none), pads each row to a multiple of 4 bytes: the stride of a 642-pixel row is
 * 644 ({@code GST_ROUND_UP_4} in {@code gst_video_info_set_format}). A buffer of exactly {@code width
 * * height} bytes is taken as already packed.
 */
final class LumaPlane {
    private LumaPlane() {}

    /** The stride, in bytes, of a GRAY8 row of {@code width} pixels in GStreamer's default layout. */
    static int defaultStride(int width) {
        return (width + 3) & ~3;
    }

    /**
     * Returns the {@code width * height} luma bytes of {@code data}, reading from its position.
     *
     * @throws IllegalArgumentException if {@code data} is too small for the picture
     */
    static byte[] copyPacked(ByteBuffer data, int width, int height) {
        byte[] luma = new byte[width * height];
        int base = data.position();
        int size = data.remaining();
        if (size == luma.length) {
            data.get(base, luma);
            return luma;
        }
        int stride = defaultStride(width);
        long needed = (long) stride * (height - 1) + width;
        if (size < needed) {
            throw new IllegalArgumentException("a " + width + "x" + height + " GRAY8 buffer with stride " + stride
                    + " needs " + needed + " bytes, got " + size);
        }
        for (int row = 0; row < height; row++) {
            data.get(base + row * stride, luma, row * width, width);
        }
        return luma;
    }
}
