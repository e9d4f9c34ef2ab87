package com.roomagent.av.camera;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** GRAY8 rows come padded to a multiple of 4 bytes and leave without padding. */
class LumaPlaneTest {
    @Test
    void gstreamerPadsRowsToAMultipleOfFour() {
        assertEquals(640, LumaPlane.defaultStride(640));
        assertEquals(324, LumaPlane.defaultStride(322));
        assertEquals(4, LumaPlane.defaultStride(1));
    }

    @Test
    void paddedRowsAreCopiedWithoutThePadding() {
        // 3x2 picture, stride 4: the padding byte 99 ends each row.
        ByteBuffer data = ByteBuffer.wrap(new byte[] {1, 2, 3, 99, 4, 5, 6, 99});

        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6}, LumaPlane.copyPacked(data, 3, 2));
    }

    @Test
    void theLastRowNeedsNoPadding() {
        ByteBuffer data = ByteBuffer.wrap(new byte[] {1, 2, 3, 99, 4, 5, 6});

        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6}, LumaPlane.copyPacked(data, 3, 2));
    }

    @Test
    void aPackedBufferIsCopiedAsItIs() {
        ByteBuffer data = ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6});

        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6}, LumaPlane.copyPacked(data, 3, 2));
    }

    @Test
    void copyingStartsAtTheBuffersPosition() {
        ByteBuffer data = ByteBuffer.wrap(new byte[] {42, 1, 2, 3, 4});
        data.position(1);

        assertArrayEquals(new byte[] {1, 2, 3, 4}, LumaPlane.copyPacked(data, 2, 2));
    }

    @Test
    void aBufferTooSmallIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LumaPlane.copyPacked(ByteBuffer.allocate(6), 3, 3));
    }
}
