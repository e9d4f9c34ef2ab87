package com.roomagent.transport.keepalive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.transport.MediaCandidate;
import com.roomagent.transport.StunResponder;
import com.roomagent.transport.channel.ChannelSettings;
import com.roomagent.transport.channel.RealChannelOpener;
import com.roomagent.transport.failover.FailoverDecision;
import com.roomagent.transport.failover.FailoverPolicy;
import com.roomagent.transport.race.ConnectedPath;
import com.roomagent.transport.race.RaceResult;
import com.roomagent.transport.race.RaceSettings;
import com.roomagent.transport.race.StunAttemptStarter;
import com.roomagent.transport.race.TransportRace;
import com.roomagent.transport.timing.ExecutorScheduler;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Keepalive and failover on real loopback sockets, with short settings so the test is quick:
 * keepalives every 100 ms, consent lost after 600 ms.
 */
class RealSocketKeepaliveTest {
    private static final KeepaliveSettings QUICK =
            new KeepaliveSettings(Duration.ofMillis(100), Duration.ofMillis(600), Duration.ofSeconds(5));

    @Test
    void whenUdpStopsBeingAnsweredThePathIsLostAndFailoverRacesToTcpOnTheSameNode() throws Exception {
        try (StunResponder node = new StunResponder(null, null);
                ExecutorScheduler scheduler = new ExecutorScheduler("keepalive-test")) {
            List<MediaCandidate> ranked = List.of(
                    new MediaCandidate("node-a", "127.0.0.1", MediaTransport.UDP, node.udpPort()),
                    new MediaCandidate("node-a", "127.0.0.1", MediaTransport.TCP, node.tcpPort()));
            TransportRace race = new TransportRace(
                    RaceSettings.defaults(),
                    scheduler,
                    new StunAttemptStarter(
                            new RealChannelOpener(ChannelSettings.defaults(), null), RaceSettings.defaults(), null));
            ConnectedPath first = race.run(ranked).get(30, TimeUnit.SECONDS).winnerOrThrow();
            assertEquals(MediaTransport.UDP, first.candidate().transport());

            BlockingQueue<PathEvent> events = new LinkedBlockingQueue<>();
            PathKeepalive keepalive = StunKeepalive.start(
                    first.stun(),
                    QUICK,
                    scheduler,
                    events::add,
                    first.candidate().describe());
            PathEvent alive = events.poll(10, TimeUnit.SECONDS);
            assertTrue(alive instanceof PathEvent.PathAlive, "the node answers keepalives: " + alive);

            node.answerUdp(false); // a firewall starts dropping UDP
            PathEvent.PathLost lost = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (lost == null && System.nanoTime() < deadline) {
                PathEvent event = events.poll(1, TimeUnit.SECONDS);
                if (event instanceof PathEvent.PathLost pathLost) {
                    lost = pathLost;
                }
            }
            assertNotNull(lost, "the path was declared lost");
            assertEquals(PathEvent.Cause.CONSENT_EXPIRED, lost.cause());
            assertTrue(lost.silentFor().compareTo(QUICK.consentTimeout()) >= 0, lost.toString());
            keepalive.close();
            first.close();

            FailoverDecision decision = FailoverPolicy.decide(ranked, first.candidate(), Set.of(), lost);
            RaceResult second = race.run(decision.next()).get(30, TimeUnit.SECONDS);
            try (ConnectedPath next = second.winnerOrThrow()) {
                assertEquals(MediaTransport.TCP, next.candidate().transport());
                assertEquals("node-a", next.candidate().nodeId());
            }
        }
    }
}
