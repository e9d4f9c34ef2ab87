package com.roomagent.hal.devices;

/** A webcam's descriptors, for tests outside this package. */
public final class UvcDescriptorsTestData {
    private UvcDescriptorsTestData() {}

    /** YUYV 640x480@30 and 1920x1080@15, MJPG 1280x720@30 and 1920x1080@30, H264 1920x1080@30. */
    public static byte[] webcam() {
        return UvcDescriptorsTest.webcam().build();
    }
}
