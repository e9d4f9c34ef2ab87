package com.roomagent.hal.devices;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the formats a UVC camera offers from its raw USB descriptors: the {@code descriptors} file
 * of the USB device in sysfs (device descriptor, then every configuration descriptor). This is how
 * the HAL lists a camera's formats without opening it or calling V4L2 ioctls.
 *
 * <p>Layouts are from the USB Video Class 1.5 payload specifications: "Uncompressed Payload" and
 * "Motion-JPEG Payload" sections 3.1.1 (format) and 3.1.2 (frame), "Frame Based Payload" sections
 * 3.1.1 and 3.1.2; the VideoStreaming interface is class 0x0E, subclass 0x02 (UVC 1.5, appendix A).
 * Truncated or malformed descriptors are skipped, never trusted.
 */
public final class UvcDescriptors {
    private static final int INTERFACE = 0x04;
    private static final int CS_INTERFACE = 0x24;
    private static final int CC_VIDEO = 0x0E;
    private static final int SC_VIDEOSTREAMING = 0x02;
    private static final int VS_FORMAT_UNCOMPRESSED = 0x04;
    private static final int VS_FRAME_UNCOMPRESSED = 0x05;
    private static final int VS_FORMAT_MJPEG = 0x06;
    private static final int VS_FRAME_MJPEG = 0x07;
    private static final int VS_FORMAT_FRAME_BASED = 0x10;
    private static final int VS_FRAME_FRAME_BASED = 0x11;
    /** Frame intervals are in units of 100 ns. */
    private static final double INTERVALS_PER_SECOND = 10_000_000.0;

    private UvcDescriptors() {}

    /** Every frame size of every format in the descriptors, in descriptor order. */
    public static List<VideoFormat> formats(byte[] descriptors) {
        List<VideoFormat> formats = new ArrayList<>();
        boolean videoStreaming = false;
        String format = "";
        int offset = 0;
        while (offset + 2 <= descriptors.length) {
            int length = u8(descriptors, offset);
            if (length < 2 || offset + length > descriptors.length) {
                break; // a zero or overlong length: the rest cannot be framed
            }
            int type = u8(descriptors, offset + 1);
            if (type == INTERFACE && length >= 9) {
                videoStreaming =
                        u8(descriptors, offset + 5) == CC_VIDEO && u8(descriptors, offset + 6) == SC_VIDEOSTREAMING;
            } else if (type == CS_INTERFACE && videoStreaming && length >= 3) {
                int subtype = u8(descriptors, offset + 2);
                if (subtype == VS_FORMAT_UNCOMPRESSED || subtype == VS_FORMAT_FRAME_BASED) {
                    format = length >= 21 ? fourcc(descriptors, offset + 5) : "";
                } else if (subtype == VS_FORMAT_MJPEG) {
                    format = "MJPG";
                } else if ((subtype == VS_FRAME_UNCOMPRESSED || subtype == VS_FRAME_MJPEG) && !format.isEmpty()) {
                    frame(descriptors, offset, length, 25, format, formats);
                } else if (subtype == VS_FRAME_FRAME_BASED && !format.isEmpty()) {
                    frame(descriptors, offset, length, 21, format, formats);
                }
            }
            offset += length;
        }
        return formats;
    }

    /**
     * A frame descriptor: wWidth at 5, wHeight at 7, bFrameIntervalType at {@code intervalTypeAt},
     * then either its discrete intervals or (type 0) minimum, maximum and step, from offset 26.
     */
    private static void frame(
            byte[] data, int offset, int length, int intervalTypeAt, String format, List<VideoFormat> out) {
        if (length < 30) {
            return;
        }
        int width = u16(data, offset + 5);
        int height = u16(data, offset + 7);
        int intervalType = u8(data, offset + intervalTypeAt);
        int count = intervalType == 0 ? 1 : intervalType; // continuous: the first value is the minimum
        long shortest = Long.MAX_VALUE;
        for (int i = 0; i < count && 26 + 4 * i + 4 <= length; i++) {
            long interval = u32(data, offset + 26 + 4 * i);
            if (interval > 0) {
                shortest = Math.min(shortest, interval);
            }
        }
        if (shortest != Long.MAX_VALUE && width > 0 && height > 0) {
            double fps = Math.round(INTERVALS_PER_SECOND / shortest * 100) / 100.0;
            out.add(new VideoFormat(format, width, height, fps));
        }
    }

    /** The FourCC in the first four bytes of a format GUID, under V4L2's name for it. */
    private static String fourcc(byte[] data, int offset) {
        String code = new String(data, offset, 4, StandardCharsets.US_ASCII)
                .replace('\0', ' ')
                .strip()
                .toUpperCase(Locale.ROOT);
        return code.equals("YUY2") ? "YUYV" : code;
    }

    private static int u8(byte[] data, int offset) {
        return data[offset] & 0xFF;
    }

    private static int u16(byte[] data, int offset) {
        return u8(data, offset) | (u8(data, offset + 1) << 8);
    }

    private static long u32(byte[] data, int offset) {
        return (long) u16(data, offset) | ((long) u16(data, offset + 2) << 16);
    }
}
