package com.roomagent.av.media;

import static com.roomagent.av.media.TestCall.await;
import static com.roomagent.av.media.TestCall.frames;
import static com.roomagent.av.media.TestCall.luma;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Camera off sends black frames (the far end sees black, not the last picture), camera on sends
 * the picture again. Brightness is measured on the frames the far end decodes.
 */
@Timeout(60)
class CameraTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);
    /** Black in I420 is luma 16; the test pattern's colour bars average far above. */
    private static final double BLACK = 25;

    private static final double PICTURE = 60;

    @Test
    void switchingTheCameraOffSendsBlackAndOnSendsThePictureAgain() throws Exception {
        try (TestCall call = TestCall.start()) {
            await("b sees a's test pattern", LIMIT, () -> luma(call.b) > PICTURE);

            call.a.setCameraOn(false);
            await("b sees black", LIMIT, () -> luma(call.b) >= 0 && luma(call.b) < BLACK);
            long frames = frames(call.b);
            await("black frames keep coming", LIMIT, () -> frames(call.b) >= frames + 10);

            call.a.setCameraOn(true);
            await("b sees the pattern again", LIMIT, () -> luma(call.b) > PICTURE);
        }
    }
}
