package com.roomagent.av.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Frames and sizes are checked values. */
class CameraValuesTest {
    @Test
    void aFrameHoldsExactlyWidthTimesHeightBytes() {
        assertThrows(IllegalArgumentException.class, () -> new Frame(3, 2, new byte[5], Duration.ZERO));
    }

    @Test
    void framesWithTheSamePixelsAreEqual() {
        Frame a = new Frame(2, 1, new byte[] {1, 2}, Duration.ZERO);

        assertEquals(a, new Frame(2, 1, new byte[] {1, 2}, Duration.ZERO));
        assertEquals(a.hashCode(), new Frame(2, 1, new byte[] {1, 2}, Duration.ZERO).hashCode());
        assertNotEquals(a, new Frame(2, 1, new byte[] {1, 3}, Duration.ZERO));
        assertEquals("Frame[2x1, timestamp=PT0S]", a.toString());
    }

    @Test
    void lumaIsReadAsUnsigned() {
        assertEquals(255, new Frame(1, 1, new byte[] {(byte) 0xff}, Duration.ZERO).lumaAt(0, 0));
    }

    @Test
    void aFrameSizeIsPositiveAndBounded() {
        assertThrows(IllegalArgumentException.class, () -> new FrameSize(640, 0));
        assertThrows(IllegalArgumentException.class, () -> new FrameSize(FrameSize.MAX_SIDE + 1, 480));
        assertEquals("640x480", FrameSize.SCANNER.toString());
    }
}
