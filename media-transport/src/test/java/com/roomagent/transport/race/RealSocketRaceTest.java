package com.roomagent.transport.race;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.transport.MediaCandidate;
import com.roomagent.transport.StunResponder;
import com.roomagent.transport.TestTls;
import com.roomagent.transport.channel.ChannelSettings;
import com.roomagent.transport.channel.RealChannelOpener;
import com.roomagent.transport.stun.ShortTermCredentials;
import com.roomagent.transport.timing.ExecutorScheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The race on real loopback sockets against a node answering STUN over UDP, TCP and TLS. */
class RealSocketRaceTest {
    private static final ShortTermCredentials CREDENTIALS = new ShortTermCredentials("flow-1:agent", "s3cret-pass");
    /** Generous: the machine is shared; the virtual-time tests pin the exact timing. */
    private static final Duration BOUND = Duration.ofSeconds(5);

    private TestTls tls;
    private StunResponder node;
    private ExecutorScheduler scheduler;

    @BeforeEach
    void start() throws Exception {
        tls = TestTls.forAddress("127.0.0.1");
        node = new StunResponder(tls.server, CREDENTIALS.key());
        scheduler = new ExecutorScheduler("race-scheduler-test");
    }

    @AfterEach
    void stop() {
        scheduler.close();
        node.close();
    }

    private List<MediaCandidate> candidates() {
        return List.of(
                new MediaCandidate("node-a", "127.0.0.1", MediaTransport.UDP, node.udpPort()),
                new MediaCandidate("node-a", "127.0.0.1", MediaTransport.TCP, node.tcpPort()),
                new MediaCandidate("node-a", "127.0.0.1", MediaTransport.TLS, node.tlsPort()));
    }

    private RaceResult race() throws Exception {
        TransportRace race = new TransportRace(
                RaceSettings.defaults(),
                scheduler,
                new StunAttemptStarter(
                        new RealChannelOpener(ChannelSettings.defaults(), tls.client),
                        RaceSettings.defaults(),
                        CREDENTIALS));
        return race.run(candidates()).get(30, TimeUnit.SECONDS);
    }

    @Test
    void anAnsweringUdpPathWinsWithSignedStun() throws Exception {
        RaceResult result = race();
        try (ConnectedPath path = result.winnerOrThrow()) {
            assertEquals(MediaTransport.UDP, path.candidate().transport());
            assertTrue(result.elapsed().compareTo(BOUND) < 0, "took " + result.elapsed());
            assertFalse(path.channel().isClosed());
        }
    }

    @Test
    void silentlyDroppedUdpStillPicksTcpWithinAGenerousBound() throws Exception {
        node.answerUdp(false);
        RaceResult result = race();
        try (ConnectedPath path = result.winnerOrThrow()) {
            assertEquals(MediaTransport.TCP, path.candidate().transport());
            assertTrue(result.elapsed().compareTo(BOUND) < 0, "took " + result.elapsed());
            assertTrue(node.udpRequests() >= 1, "UDP was tried first");
            AttemptRecord udp = result.attempts().get(0);
            assertEquals(AttemptRecord.Outcome.CANCELLED, udp.outcome(), udp.describe());
        }
        assertNoMediaThreadsRemain();
    }

    /** Losers, cancelled attempts and the closed winner leave no reader or attempt thread behind. */
    private static void assertNoMediaThreadsRemain() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<String> left = List.of();
        while (System.nanoTime() < deadline) {
            left = Thread.getAllStackTraces().keySet().stream()
                    .filter(Thread::isAlive)
                    .map(Thread::getName)
                    .filter(name -> name.startsWith("media-channel-") || name.startsWith("media-race-"))
                    .toList();
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("threads left running: " + left);
    }

    @Test
    void udpRejectedWithAnIcmpErrorFailsFastAndTcpWins() throws Exception {
        int closedPort;
        try (java.net.DatagramSocket probe =
                new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        TransportRace race = new TransportRace(
                RaceSettings.defaults(),
                scheduler,
                new StunAttemptStarter(
                        new RealChannelOpener(ChannelSettings.defaults(), tls.client),
                        RaceSettings.defaults(),
                        CREDENTIALS));
        RaceResult result = race.run(List.of(
                        new MediaCandidate("node-a", "127.0.0.1", MediaTransport.UDP, closedPort),
                        new MediaCandidate("node-a", "127.0.0.1", MediaTransport.TCP, node.tcpPort())))
                .get(30, TimeUnit.SECONDS);
        try (ConnectedPath path = result.winnerOrThrow()) {
            assertEquals(MediaTransport.TCP, path.candidate().transport());
            AttemptRecord udp = result.attempts().get(0);
            assertEquals(AttemptRecord.Outcome.FAILED, udp.outcome(), udp.describe());
            assertTrue(udp.detail().contains("ICMP port unreachable"), udp.describe());
            assertTrue(result.elapsed().compareTo(BOUND) < 0, "took " + result.elapsed());
        }
    }

    @Test
    void wrongCredentialsMeanNoAnswerAndAClearErrorPerCandidate() throws Exception {
        RaceSettings quick = new RaceSettings(
                Duration.ofMillis(50),
                Duration.ofMillis(50),
                Duration.ofMillis(800),
                Duration.ofMillis(100),
                Duration.ofSeconds(10));
        TransportRace race = new TransportRace(
                quick,
                scheduler,
                new StunAttemptStarter(
                        new RealChannelOpener(ChannelSettings.defaults(), tls.client),
                        quick,
                        new ShortTermCredentials("flow-1:agent", "wrong")));
        RaceResult result = race.run(candidates()).get(30, TimeUnit.SECONDS);
        assertTrue(result.winner().isEmpty());
        for (AttemptRecord attempt : result.attempts()) {
            assertEquals(AttemptRecord.Outcome.FAILED, attempt.outcome(), attempt.describe());
            assertTrue(
                    attempt.detail()
                            .startsWith("no STUN answer from "
                                    + attempt.candidate().transport().id()),
                    attempt.describe());
        }
    }
}
