package com.roomagent.benchmarks;

import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.framing.StreamFraming;
import com.roomagent.transport.MediaCandidate;
import com.roomagent.transport.MediaChannel;
import com.roomagent.transport.channel.ChannelSettings;
import com.roomagent.transport.channel.RealChannelOpener;
import com.roomagent.transport.stun.StunSession;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.SynchronousQueue;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The media channel's per-packet cost: a 1200-byte SRTP-sized packet sent through the channel to a
 * loopback node that echoes it, and received back through the channel's reader thread (round trip,
 * so two kernel crossings and two thread hand-offs each way); RFC 4571 framing alone; RFC 7983
 * demultiplexing alone. Run: {@code java -jar benchmarks/target/benchmarks-0.1.0-SNAPSHOT-all.jar
 * MediaChannel}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MediaChannelBenchmark {
    private static final int PACKET = 1200;

    private LoopbackMediaNode node;
    private MediaChannel udp;
    private MediaChannel tcp;
    private MediaChannel tls;
    private final SynchronousQueue<byte[]> udpEcho = new SynchronousQueue<>();
    private final SynchronousQueue<byte[]> tcpEcho = new SynchronousQueue<>();
    private final SynchronousQueue<byte[]> tlsEcho = new SynchronousQueue<>();
    private byte[] srtp;
    private byte[] framed;
    private StunSession demux;
    private DemuxChannel demuxChannel;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        SelfSignedTls certificates = SelfSignedTls.forAddress("127.0.0.1");
        node = new LoopbackMediaNode(certificates.server, null);
        RealChannelOpener opener = new RealChannelOpener(ChannelSettings.defaults(), certificates.client);
        udp = opener.open(new MediaCandidate("bench", "127.0.0.1", MediaTransport.UDP, node.udpPort()));
        tcp = opener.open(new MediaCandidate("bench", "127.0.0.1", MediaTransport.TCP, node.tcpPort()));
        tls = opener.open(new MediaCandidate("bench", "127.0.0.1", MediaTransport.TLS, node.tlsPort()));
        udp.onPacket(packet -> put(udpEcho, packet));
        tcp.onPacket(packet -> put(tcpEcho, packet));
        tls.onPacket(packet -> put(tlsEcho, packet));
        srtp = new byte[PACKET];
        srtp[0] = (byte) 0x80;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamFraming.RFC4571.writePacket(out, srtp);
        framed = out.toByteArray();
        demuxChannel = new DemuxChannel();
        demux = new StunSession(demuxChannel, null, System::nanoTime);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        udp.close();
        tcp.close();
        tls.close();
        node.close();
    }

    private static void put(SynchronousQueue<byte[]> queue, byte[] packet) {
        try {
            queue.put(packet);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private byte[] roundTrip(MediaChannel channel, SynchronousQueue<byte[]> echo) throws Exception {
        channel.send(srtp);
        byte[] back = echo.poll(5, TimeUnit.SECONDS);
        if (back == null) {
            throw new IOException("no echo over " + channel.transport().id() + " within 5 s");
        }
        return back;
    }

    /** Send and receive one packet over a connected UDP channel. */
    @Benchmark
    public byte[] udpRoundTrip() throws Exception {
        return roundTrip(udp, udpEcho);
    }

    /** The same over TCP with RFC 4571 framing. */
    @Benchmark
    public byte[] tcpRoundTrip() throws Exception {
        return roundTrip(tcp, tcpEcho);
    }

    /** The same over TLS 1.3 with RFC 4571 framing. */
    @Benchmark
    public byte[] tlsRoundTrip() throws Exception {
        return roundTrip(tls, tlsEcho);
    }

    /** RFC 4571 framing of one packet: write the prefixed frame, read it back. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public byte[] rfc4571EncodeDecode() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(framed.length);
        StreamFraming.RFC4571.writePacket(out, srtp);
        return StreamFraming.RFC4571.readPacket(new ByteArrayInputStream(out.toByteArray()));
    }

    /** RFC 7983 demultiplexing of an SRTP packet to the downstream receiver. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void demultiplexSrtp(Blackhole blackhole) {
        demux.downstream(blackhole::consume);
        demuxChannel.receiver.packet(srtp);
    }

    /** A channel that only captures its receiver, so the benchmark feeds packets in directly. */
    private static final class DemuxChannel implements MediaChannel {
        PacketReceiver receiver;

        @Override
        public MediaTransport transport() {
            return MediaTransport.UDP;
        }

        @Override
        public InetSocketAddress localAddress() {
            return new InetSocketAddress(0);
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return new InetSocketAddress(0);
        }

        @Override
        public void send(byte[] packet) {}

        @Override
        public void onPacket(PacketReceiver packetReceiver) {
            this.receiver = packetReceiver;
        }

        @Override
        public void onClosed(ChannelClosedListener listener) {}

        @Override
        public boolean isClosed() {
            return false;
        }

        @Override
        public void close() {}
    }
}
