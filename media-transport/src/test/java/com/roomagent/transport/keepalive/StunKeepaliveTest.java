package com.roomagent.transport.keepalive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.stun.StunClass;
import com.roomagent.protocol.stun.StunDecoder;
import com.roomagent.protocol.stun.StunEncoder;
import com.roomagent.protocol.stun.StunMessage;
import com.roomagent.transport.FakeMediaChannel;
import com.roomagent.transport.stun.StunSession;
import com.roomagent.transport.timing.FakeScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StunKeepaliveTest {
    private final FakeScheduler scheduler = new FakeScheduler();
    private final FakeMediaChannel channel = new FakeMediaChannel(MediaTransport.UDP);
    private final StunSession stun = new StunSession(channel, null, scheduler::nanoTime);
    private final List<PathEvent> events = new ArrayList<>();

    @Test
    void keepalivesAreBindingRequestsOnTheMediaChannelAndAnswersReportTheRtt() throws Exception {
        StunKeepalive.start(stun, KeepaliveSettings.defaults(), scheduler, events::add, "test path");
        scheduler.advanceTo(2_500);
        assertEquals(1, channel.sent().size());
        StunMessage request = StunDecoder.decode(channel.sent().get(0));
        assertEquals(StunClass.REQUEST, request.messageClass(), "a request, not an indication");
        scheduler.advanceTo(2_530);
        channel.deliver(StunEncoder.encode(StunMessage.bindingSuccess(request.transactionId()), null, true));
        assertEquals(List.of(new PathEvent.PathAlive(Duration.ofMillis(30), Duration.ofMillis(30))), events);
    }

    @Test
    void inboundSrtpFeedsTheMediaWatchdogButStunAnswersDoNot() throws Exception {
        PathKeepalive keepalive =
                StunKeepalive.start(stun, KeepaliveSettings.defaults(), scheduler, events::add, "test path");
        keepalive.mediaExpected(true);
        for (long at = 500; at <= 20_000; at += 500) {
            scheduler.advanceTo(at);
            channel.deliver(new byte[] {(byte) 0x80, 96, 0, 1});
            for (byte[] sent : channel.sent()) {
                StunMessage request = StunDecoder.decode(sent);
                channel.deliver(StunEncoder.encode(StunMessage.bindingSuccess(request.transactionId()), null, true));
            }
            channel.sent().clear();
        }
        assertTrue(events.stream().noneMatch(PathEvent.PathLost.class::isInstance), "media and answers flowing");
        // Media stops; STUN answers continue.
        for (long at = 20_500; at <= 26_000; at += 500) {
            scheduler.advanceTo(at);
            for (byte[] sent : channel.sent()) {
                StunMessage request = StunDecoder.decode(sent);
                channel.deliver(StunEncoder.encode(StunMessage.bindingSuccess(request.transactionId()), null, true));
            }
            channel.sent().clear();
        }
        PathEvent.PathLost lost = (PathEvent.PathLost) events.get(events.size() - 1);
        assertEquals(PathEvent.Cause.MEDIA_STOPPED, lost.cause());
    }

    @Test
    void theChannelFailingLosesThePath() {
        StunKeepalive.start(stun, KeepaliveSettings.defaults(), scheduler, events::add, "test path");
        channel.fail(new java.io.IOException("connection reset by peer"));
        PathEvent.PathLost lost = (PathEvent.PathLost) events.get(0);
        assertEquals(PathEvent.Cause.CHANNEL_CLOSED, lost.cause());
        assertTrue(lost.detail().contains("connection reset by peer"), lost.detail());
    }
}
