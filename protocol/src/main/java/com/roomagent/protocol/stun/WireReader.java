package com.roomagent.protocol.stun;

/** Big-endian reads from a byte array at absolute positions; the caller checks the bounds. */
final class WireReader {
    private WireReader() {}

    static int u8(byte[] data, int position) {
        return data[position] & 0xFF;
    }

    static int u16(byte[] data, int position) {
        return ((data[position] & 0xFF) << 8) | (data[position + 1] & 0xFF);
    }

    static long u32(byte[] data, int position) {
        return ((long) u16(data, position) << 16) | u16(data, position + 2);
    }

    static long u64(byte[] data, int position) {
        return (u32(data, position) << 32) | u32(data, position + 4);
    }
}
