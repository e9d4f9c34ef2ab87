package com.roomagent.av.media;

import static com.roomagent.av.media.TestCall.await;
import static com.roomagent.av.media.TestCall.frames;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A receiver that missed the sender's first full picture asks for one (RTCP PLI, RFC 4585
 * section 6.3.1) instead of waiting for the next periodic keyframe, 10 s away.
 */
@Timeout(60)
class LateJoinTest {

    @Test
    void aReceiverThatMissedTheFirstKeyframeAsksForOneAndDecodesWithinSeconds() throws Exception {
        InMemoryMediaChannel channel = new InMemoryMediaChannel(1.0, Duration.ZERO, 1); // nothing gets through
        try (TestCall call = TestCall.start(channel)) {
            Thread.sleep(1000); // the first keyframes are sent and lost (real media time, bounded)
            channel.setLoss(0);

            await("b decodes 10 frames", Duration.ofSeconds(5), () -> frames(call.b) >= 10);
        }
    }

    @Test
    void aReceiverThatLostPacketsMidCallAsksForAKeyframe() throws Exception {
        try (TestCall call = TestCall.start()) {
            await("b decodes", Duration.ofSeconds(10), () -> frames(call.b) >= 10);
            call.channel.setLoss(1.0);
            Thread.sleep(1000); // a second of total loss (real media time, bounded)
            long before = frames(call.b);
            call.channel.setLoss(0);

            await("b decodes 10 new frames", Duration.ofSeconds(5), () -> frames(call.b) >= before + 10);
        }
    }
}
