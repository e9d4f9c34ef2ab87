package com.roomagent.av.camera;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where frames come from. A value: it names a device or a file and opens nothing; {@link
 * FrameGrabber#open} does. The pipeline played for each kind is in docs/av-pipeline.md.
 */
public sealed interface CameraSource {

    /** A camera on a real board, for example {@code /dev/video0}; raw or MJPEG. */
    static CameraSource v4l2(Path device) {
        return new V4l2(device);
    }

    /** A still image in any format GStreamer decodes (PNG, JPEG), shown as a steady video. */
    static CameraSource imageFile(Path image) {
        return new ImageFile(image);
    }

    /** A short clip in a container and codec GStreamer decodes, played in a loop. */
    static CameraSource clipFile(Path clip) {
        return new ClipFile(clip, ClipEnd.LOOP);
    }

    /** A short clip, with the choice of what happens when it ends. */
    static CameraSource clipFile(Path clip, ClipEnd atEnd) {
        return new ClipFile(clip, atEnd);
    }

    /** A synthetic picture (colour bars), like a camera with nothing in view that decodes. */
    static CameraSource testPattern() {
        return new TestPattern();
    }

    /** What a clip does at its end. */
    enum ClipEnd {
        /** Start again from the first frame, forever; timestamps restart at zero. */
        LOOP,
        /**
         * Stop: after the last frame, {@link FrameGrabber#nextFrame} throws a {@link
         * CameraException} with {@link CameraException.Reason#END_OF_STREAM}.
         */
        STOP
    }

    /** A Video4Linux2 capture device. */
    record V4l2(Path device) implements CameraSource {
        public V4l2 {
            Objects.requireNonNull(device, "device");
        }

        @Override
        public String toString() {
            return "v4l2 device " + device;
        }
    }

    /** A still image file. */
    record ImageFile(Path image) implements CameraSource {
        public ImageFile {
            Objects.requireNonNull(image, "image");
        }

        @Override
        public String toString() {
            return "image file " + image;
        }
    }

    /** A video clip file. */
    record ClipFile(Path clip, ClipEnd atEnd) implements CameraSource {
        public ClipFile {
            Objects.requireNonNull(clip, "clip");
            Objects.requireNonNull(atEnd, "atEnd");
        }

        @Override
        public String toString() {
            return "clip file " + clip + " (" + atEnd.name().toLowerCase(java.util.Locale.ROOT) + " at end)";
        }
    }

    /** GStreamer's {@code videotestsrc}, live. */
    record TestPattern() implements CameraSource {
        @Override
        public String toString() {
            return "test pattern";
        }
    }
}
