package com.roomagent.av.camera;

/**
 * Run in a JVM that cannot load GStreamer: opens a camera twice and prints what each attempt
 * threw, one line each, for {@link FrameGrabberWithoutGStreamerTest}.
 */
public final class WithoutGStreamerProbe {
    private WithoutGStreamerProbe() {}

    public static void main(String[] args) {
        for (int attempt = 1; attempt <= 2; attempt++) {
            try (FrameGrabber camera = FrameGrabber.open(CameraSource.testPattern())) {
                System.out.println("attempt " + attempt + " opened " + camera.source());
            } catch (CameraException e) {
                System.out.println("attempt " + attempt + " " + e.reason() + " " + e.getMessage());
            }
        }
    }
}
