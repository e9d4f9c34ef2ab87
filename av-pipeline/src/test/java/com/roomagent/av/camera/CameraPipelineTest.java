package com.roomagent.av.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.av.gst.AppSinkPipeline.AtEnd;
import com.roomagent.av.gst.AppSinkPipeline.Property;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pipeline text per source, without GStreamer. */
class CameraPipelineTest {
    private static final String GRAY_640X480_AT_10 =
            "video/x-raw,format=GRAY8,width=640,height=480,pixel-aspect-ratio=1/1,framerate=10/1";

    @Test
    void anImageIsDecodedFrozenIntoVideoAndConvertedToGray() {
        CameraPipeline.Plan plan =
                CameraPipeline.plan(CameraSource.imageFile(Path.of("/srv/qr code \"1\".png")), FrameSize.SCANNER, 10);

        assertTrue(plan.description().startsWith("filesrc name=filesrc ! decodebin name=decodebin ! imagefreeze ! "));
        assertTrue(plan.description().contains("videoconvert ! videoscale ! " + GRAY_640X480_AT_10 + " ! appsink"));
        assertEquals(List.of(new Property("filesrc", "location", "/srv/qr code \"1\".png")), plan.properties());
        assertEquals(AtEnd.REPORT, plan.atEnd());
    }

    @Test
    void theAppsinkKeepsOnlyTheNewestSampleAndPlaysInRealTime() {
        String description = CameraPipeline.plan(CameraSource.testPattern(), FrameSize.SCANNER, 10)
                .description();

        assertTrue(description.endsWith("! appsink name=frames emit-signals=true max-buffers=1 drop=true sync=true"
                + " enable-last-sample=false"));
    }

    @Test
    void aRelativeFileIsMadeAbsolute() {
        CameraPipeline.Plan plan = CameraPipeline.plan(CameraSource.clipFile(Path.of("qr.avi")), FrameSize.SCANNER, 10);

        assertEquals(
                Path.of("qr.avi").toAbsolutePath().toString(),
                plan.properties().get(0).value());
    }

    @Test
    void aClipIsResampledToTheRateAndLoopsOrStopsAsChosen() {
        Path clip = Path.of("/srv/qr.avi");
        CameraPipeline.Plan looping = CameraPipeline.plan(CameraSource.clipFile(clip), FrameSize.SCANNER, 10);
        CameraPipeline.Plan once =
                CameraPipeline.plan(CameraSource.clipFile(clip, CameraSource.ClipEnd.STOP), FrameSize.SCANNER, 10);

        assertTrue(looping.description().contains("decodebin name=decodebin ! videorate ! videoconvert"));
        assertEquals(AtEnd.REWIND, looping.atEnd());
        assertEquals(AtEnd.REPORT, once.atEnd());
    }

    @Test
    void aCameraKeepsItsOwnRateUpToOursAndMayDeliverMjpeg() {
        CameraPipeline.Plan plan =
                CameraPipeline.plan(CameraSource.v4l2(Path.of("/dev/video0")), new FrameSize(320, 240), 5);

        assertTrue(plan.description()
                .startsWith("v4l2src name=v4l2src ! decodebin name=decodebin"
                        + " ! videorate drop-only=true max-rate=5 ! videoconvert"));
        assertTrue(plan.description().contains("width=320,height=240,pixel-aspect-ratio=1/1 ! appsink"));
        assertEquals(List.of(new Property("v4l2src", "device", "/dev/video0")), plan.properties());
    }

    @Test
    void theTestPatternIsLive() {
        String description = CameraPipeline.plan(CameraSource.testPattern(), FrameSize.SCANNER, 10)
                .description();

        assertTrue(description.startsWith("videotestsrc name=videotestsrc is-live=true ! videoconvert"));
    }
}
