package com.roomagent.hal.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds the raw descriptors of a USB camera as sysfs shows them in a USB device's {@code
 * descriptors} file: device descriptor, configuration descriptor, then interfaces and their
 * class-specific descriptors. Layouts from the USB 2.0 specification (9.6) and the USB Video
 * Class 1.5 payload specifications (uncompressed, MJPEG and frame-based, sections 3.1.1/3.1.2).
 */
public final class UvcDescriptorBuilder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public UvcDescriptorBuilder() {
        // Device descriptor (USB 2.0, 9.6.1): 18 bytes, type 1, class 0xEF (miscellaneous).
        bytes(18, 0x01, 0x00, 0x02, 0xEF, 0x02, 0x01, 0x40, 0x6D, 0x04, 0x2D, 0x08, 0x11, 0x00, 1, 2, 3, 1);
        // Configuration descriptor (9.6.3): 9 bytes, type 2; the total length is not checked.
        bytes(9, 0x02, 0x00, 0x00, 4, 1, 0, 0x80, 250);
    }

    /** A standard interface descriptor (9.6.5). */
    public UvcDescriptorBuilder iface(int number, int interfaceClass, int subclass) {
        bytes(9, 0x04, number, 0, 0, interfaceClass, subclass, 0, 0);
        return this;
    }

    /** VS_FORMAT_UNCOMPRESSED: 27 bytes, subtype 0x04, GUID starting with the FourCC. */
    public UvcDescriptorBuilder uncompressedFormat(String fourcc, int frames) {
        byte[] guid = guid(fourcc);
        bytes(27, 0x24, 0x04, 1, frames);
        out.write(guid, 0, 16);
        bytes(16, 1, 0, 0, 0, 0);
        return this;
    }

    /** VS_FORMAT_MJPEG: 11 bytes, subtype 0x06. */
    public UvcDescriptorBuilder mjpegFormat(int frames) {
        bytes(11, 0x24, 0x06, 2, frames, 0, 1, 0, 0, 0, 0);
        return this;
    }

    /** VS_FORMAT_FRAME_BASED: 28 bytes, subtype 0x10, GUID starting with the FourCC. */
    public UvcDescriptorBuilder frameBasedFormat(String fourcc, int frames) {
        bytes(28, 0x24, 0x10, 3, frames);
        out.write(guid(fourcc), 0, 16);
        bytes(16, 1, 0, 0, 0, 0, 1);
        return this;
    }

    /** VS_FRAME_UNCOMPRESSED (0x05) or VS_FRAME_MJPEG (0x07) with discrete intervals in 100 ns. */
    public UvcDescriptorBuilder frame(int subtype, int width, int height, long... intervals) {
        int length = 26 + 4 * intervals.length;
        bytes(length, 0x24, subtype, 1, 0);
        u16(width);
        u16(height);
        u32(1_000_000);
        u32(100_000_000);
        u32(width * height * 2L);
        u32(intervals[0]);
        bytes(intervals.length);
        for (long interval : intervals) {
            u32(interval);
        }
        return this;
    }

    /** VS_FRAME_UNCOMPRESSED or VS_FRAME_MJPEG with a continuous interval range (type 0). */
    public UvcDescriptorBuilder continuousFrame(int subtype, int width, int height, long min, long max, long step) {
        bytes(38, 0x24, subtype, 1, 0);
        u16(width);
        u16(height);
        u32(1_000_000);
        u32(100_000_000);
        u32(width * height * 2L);
        u32(min);
        bytes(0);
        u32(min);
        u32(max);
        u32(step);
        return this;
    }

    /** VS_FRAME_FRAME_BASED (0x11): intervals after dwBytesPerLine. */
    public UvcDescriptorBuilder frameBasedFrame(int width, int height, long... intervals) {
        bytes(26 + 4 * intervals.length, 0x24, 0x11, 1, 0);
        u16(width);
        u16(height);
        u32(1_000_000);
        u32(100_000_000);
        u32(intervals[0]);
        bytes(intervals.length);
        u32(0);
        for (long interval : intervals) {
            u32(interval);
        }
        return this;
    }

    /** A class-specific descriptor of any other class, {@code length} bytes long. */
    public UvcDescriptorBuilder classSpecific(int subtype, int length) {
        bytes(length, 0x24, subtype);
        for (int i = 3; i < length; i++) {
            bytes(0x10);
        }
        return this;
    }

    public byte[] build() {
        return out.toByteArray();
    }

    private static byte[] guid(String fourcc) {
        byte[] guid = new byte[16];
        byte[] code = fourcc.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(code, 0, guid, 0, code.length);
        byte[] tail = {0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71};
        System.arraycopy(tail, 0, guid, 4, tail.length);
        return guid;
    }

    private void bytes(int... values) {
        for (int value : values) {
            out.write(value & 0xFF);
        }
    }

    private void u16(int value) {
        bytes(value, value >> 8);
    }

    private void u32(long value) {
        bytes((int) value, (int) (value >> 8), (int) (value >> 16), (int) (value >> 24));
    }
}
