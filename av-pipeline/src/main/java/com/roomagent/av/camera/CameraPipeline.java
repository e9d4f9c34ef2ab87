package com.roomagent.av.camera;

import com.roomagent.av.gst.AppSinkPipeline.AtEnd;
import com.roomagent.av.gst.AppSinkPipeline.Property;
import java.nio.file.Path;
import java.util.List;

/**
 * The GStreamer pipeline, as {@code gst-launch} text, that turns a {@link CameraSource} into GRAY8
 * frames of one size at one rate. Pure: builds text, starts nothing. Paths and device names are
 * not in the text but set as properties, so no file name needs quoting.
 *
 * <p>Every pipeline ends in the same tail: {@code videoconvert} to GRAY8 (the luma of the picture),
 * {@code videoscale} to the frame size with square pixels and black borders, and an {@code appsink}
 * that emits a signal per sample, keeps only the newest one ({@code max-buffers=1 drop=true}) and
 * plays in real time ({@code sync=true}, so an image or a clip runs at the requested rate, not as
 * fast as the CPU allows).
 */
final class CameraPipeline {
    /** The name of the appsink in every description. */
    static final String SINK_NAME = "frames";

    /** A description, the properties to set before playing, and what to do at the end. */
    record Plan(String description, List<Property> properties, AtEnd atEnd) {}

    private CameraPipeline() {}

    static Plan plan(CameraSource source, FrameSize size, int framesPerSecond) {
        String rate = framesPerSecond + "/1";
        if (source instanceof CameraSource.V4l2 v4l2) {
            // A camera has its own rate; videorate only drops frames above ours. decodebin passes
            // raw formats through and decodes MJPEG.
            return new Plan(
                    "v4l2src name=v4l2src ! decodebin name=decodebin"
                            + " ! videorate drop-only=true max-rate=" + framesPerSecond
                            + " ! " + tail(size, null),
                    List.of(new Property("v4l2src", "device", v4l2.device().toString())),
                    AtEnd.REPORT);
        }
        if (source instanceof CameraSource.ImageFile image) {
            return new Plan(
                    "filesrc name=filesrc ! decodebin name=decodebin ! imagefreeze ! " + tail(size, rate),
                    List.of(fileLocation(image.image())),
                    AtEnd.REPORT);
        }
        if (source instanceof CameraSource.ClipFile clip) {
            return new Plan(
                    "filesrc name=filesrc ! decodebin name=decodebin ! videorate ! " + tail(size, rate),
                    List.of(fileLocation(clip.clip())),
                    clip.atEnd() == CameraSource.ClipEnd.LOOP ? AtEnd.REWIND : AtEnd.REPORT);
        }
        if (source instanceof CameraSource.TestPattern) {
            return new Plan(
                    "videotestsrc name=videotestsrc is-live=true ! " + tail(size, rate), List.of(), AtEnd.REPORT);
        }
        throw new IllegalArgumentException("unknown camera source " + source);
    }

    private static Property fileLocation(Path file) {
        return new Property("filesrc", "location", file.toAbsolutePath().toString());
    }

    private static String tail(FrameSize size, String rate) {
        return "videoconvert ! videoscale ! video/x-raw,format=GRAY8"
                + ",width=" + size.width() + ",height=" + size.height() + ",pixel-aspect-ratio=1/1"
                + (rate == null ? "" : ",framerate=" + rate)
                + " ! appsink name=" + SINK_NAME
                + " emit-signals=true max-buffers=1 drop=true sync=true enable-last-sample=false";
    }
}
