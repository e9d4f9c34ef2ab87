package com.roomagent.hal.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.roomagent.hal.testing.UvcDescriptorBuilder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class UvcDescriptorsTest {
    /** 333333 x 100 ns = 30 fps; 666666 = 15 fps; 1000000 = 10 fps. */
    private static final long FPS_30 = 333_333;

    private static final long FPS_15 = 666_666;

    @Test
    void readsEveryFrameSizeOfEveryFormat() {
        byte[] descriptors = webcam().build();

        assertEquals(
                List.of(
                        new VideoFormat("YUYV", 640, 480, 30.0),
                        new VideoFormat("YUYV", 1920, 1080, 15.0),
                        new VideoFormat("MJPG", 1280, 720, 30.0),
                        new VideoFormat("MJPG", 1920, 1080, 30.0),
                        new VideoFormat("H264", 1920, 1080, 30.0)),
                UvcDescriptors.formats(descriptors));
    }

    @Test
    void ignoresClassDescriptorsOutsideVideoStreamingInterfaces() {
        byte[] descriptors = new UvcDescriptorBuilder()
                .iface(0, 0x0E, 0x01) // video control: its CS_INTERFACE subtypes mean other things
                .classSpecific(0x05, 30)
                .iface(2, 0x01, 0x01) // audio control
                .classSpecific(0x04, 30)
                .classSpecific(0x05, 30)
                .build();

        assertEquals(List.of(), UvcDescriptors.formats(descriptors));
    }

    @Test
    void truncatedDescriptorsYieldWhatWasComplete() {
        byte[] whole = webcam().build();

        for (int cut = 0; cut < whole.length; cut += 7) {
            UvcDescriptors.formats(Arrays.copyOf(whole, cut)); // never throws
        }
        byte[] zeroLength = Arrays.copyOf(whole, whole.length + 4);
        assertEquals(5, UvcDescriptors.formats(zeroLength).size(), "a zero length stops the walk");
    }

    static UvcDescriptorBuilder webcam() {
        return new UvcDescriptorBuilder()
                .iface(0, 0x0E, 0x01)
                .classSpecific(0x01, 13)
                .iface(1, 0x0E, 0x02)
                .classSpecific(0x01, 16) // VS_INPUT_HEADER
                .uncompressedFormat("YUY2", 2)
                .frame(0x05, 640, 480, FPS_30, FPS_15)
                .frame(0x05, 1920, 1080, FPS_15, 1_000_000)
                .mjpegFormat(2)
                .frame(0x07, 1280, 720, FPS_30)
                .continuousFrame(0x07, 1920, 1080, FPS_30, 1_000_000, FPS_30)
                .frameBasedFormat("H264", 1)
                .frameBasedFrame(1920, 1080, FPS_30)
                .iface(2, 0x01, 0x01)
                .classSpecific(0x05, 30);
    }
}
