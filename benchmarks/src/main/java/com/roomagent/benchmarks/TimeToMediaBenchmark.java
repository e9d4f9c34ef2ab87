package com.roomagent.benchmarks;

import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.transport.MediaCandidate;
import com.roomagent.transport.channel.ChannelSettings;
import com.roomagent.transport.channel.RealChannelOpener;
import com.roomagent.transport.race.ConnectedPath;
import com.roomagent.transport.race.RaceResult;
import com.roomagent.transport.race.RaceSettings;
import com.roomagent.transport.race.StunAttemptStarter;
import com.roomagent.transport.race.TransportRace;
import com.roomagent.transport.timing.ExecutorScheduler;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Time to a STUN-proven media path (the race, default settings) on loopback: one transport alone,
 * the full race with UDP answering, and the full race with UDP silently dropped. Each operation
 * opens the channel(s), completes STUN and closes the winner. Loopback RTT is microseconds, so the
 * figures show the race's own cost: stagger and grace window when UDP is dropped, socket and TLS
 * set-up otherwise. Run: {@code java -jar benchmarks/target/benchmarks-0.1.0-SNAPSHOT-all.jar
 * TimeToMedia}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TimeToMediaBenchmark {
    private LoopbackMediaNode node;
    private LoopbackMediaNode udpDroppedNode;
    private ExecutorScheduler scheduler;
    private TransportRace race;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        SelfSignedTls certificates = SelfSignedTls.forAddress("127.0.0.1");
        node = new LoopbackMediaNode(certificates.server, null);
        udpDroppedNode = new LoopbackMediaNode(certificates.server, null);
        udpDroppedNode.answerUdp(false);
        scheduler = new ExecutorScheduler("bench-media-race");
        RaceSettings settings = RaceSettings.defaults();
        race = new TransportRace(
                settings,
                scheduler,
                new StunAttemptStarter(
                        new RealChannelOpener(ChannelSettings.defaults(), certificates.client), settings, null));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        scheduler.close();
        node.close();
        udpDroppedNode.close();
    }

    private static List<MediaCandidate> candidates(LoopbackMediaNode target, MediaTransport... transports) {
        return java.util.Arrays.stream(transports)
                .map(transport -> new MediaCandidate(
                        "bench",
                        "127.0.0.1",
                        transport,
                        switch (transport) {
                            case TCP -> target.tcpPort();
                            case TLS -> target.tlsPort();
                            default -> target.udpPort();
                        }))
                .toList();
    }

    private String run(List<MediaCandidate> candidates) throws Exception {
        RaceResult result = race.run(candidates).get(30, TimeUnit.SECONDS);
        try (ConnectedPath path = result.winnerOrThrow()) {
            return path.candidate().transport().id();
        }
    }

    @Benchmark
    public String udpAlone() throws Exception {
        return run(candidates(node, MediaTransport.UDP));
    }

    @Benchmark
    public String tcpAlone() throws Exception {
        return run(candidates(node, MediaTransport.TCP));
    }

    @Benchmark
    public String tlsAlone() throws Exception {
        return run(candidates(node, MediaTransport.TLS));
    }

    @Benchmark
    public String raceUdpAnswers() throws Exception {
        return run(candidates(node, MediaTransport.UDP, MediaTransport.TCP, MediaTransport.TLS));
    }

    @Benchmark
    public String raceUdpSilentlyDropped() throws Exception {
        return run(candidates(udpDroppedNode, MediaTransport.UDP, MediaTransport.TCP, MediaTransport.TLS));
    }
}
