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
 *
 * <p>{@link #head} is public for the media session's capture pipeline, which plays the same
 * sources into an {@code intervideosink} instead of an appsink.
 */
public final class CameraPipeline {
    /** The name of the appsink in every description. */
    static final String SINK_NAME = "frames";

    /** A description, the properties to set before playing, and what to do at the end. */
    record Plan(String description, List<Property> properties, AtEnd atEnd) {}

    /**
     * The source part of a camera pipeline, shared by the QR scanner's frames and the media
     * session's capture: everything up to raw video, before format, size and rate are fixed.
     *
     * @param description {@code gst-launch} text ending in raw video of any format and size
     * @param properties paths and device names, set as properties (never quoted into the text)
     * @param atEnd what the source's end of stream means (a looping clip rewinds)
     * @param paced true when the source delivers at its own rate (a camera), already capped at the
     *     requested one; false when the rate must be fixed downstream in the caps
     */
    public record Head(String description, List<Property> properties, AtEnd atEnd, boolean paced) {}

    private CameraPipeline() {}

    static Plan plan(CameraSource source, FrameSize size, int framesPerSecond) {
        Head head = head(source, framesPerSecond);
        String rate = head.paced() ? null : framesPerSecond + "/1";
        return new Plan(head.description() + " ! " + tail(size, rate), head.properties(), head.atEnd());
    }

    /** The source part of the pipeline for {@code source}, delivering at most {@code framesPerSecond}. */
    public static Head head(CameraSource source, int framesPerSecond) {
        if (source instanceof CameraSource.V4l2 v4l2) {
            // A camera has its own rate; videorate only drops frames above ours. decodebin passes
            // raw formats through and decodes MJPEG.
            return new Head(
                    "v4l2src name=v4l2src ! decodebin name=decodebin" + " ! videorate drop-only=true max-rate="
                            + framesPerSecond,
                    List.of(new Property("v4l2src", "device", v4l2.device().toString())),
                    AtEnd.REPORT,
                    true);
        }
        if (source instanceof CameraSource.ImageFile image) {
            return new Head(
                    "filesrc name=filesrc ! decodebin name=decodebin ! imagefreeze",
                    List.of(fileLocation(image.image())),
                    AtEnd.REPORT,
                    false);
        }
        if (source instanceof CameraSource.ClipFile clip) {
            return new Head(
                    "filesrc name=filesrc ! decodebin name=decodebin ! videorate",
                    List.of(fileLocation(clip.clip())),
                    clip.atEnd() == CameraSource.ClipEnd.LOOP ? AtEnd.REWIND : AtEnd.REPORT,
                    false);
        }
        if (source instanceof CameraSource.TestPattern) {
            return new Head("videotestsrc name=videotestsrc is-live=true", List.of(), AtEnd.REPORT, false);
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
