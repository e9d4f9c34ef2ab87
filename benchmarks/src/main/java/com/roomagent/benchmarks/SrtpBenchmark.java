package com.roomagent.benchmarks;

import com.roomagent.transport.srtp.SrtpContext;
import com.roomagent.transport.srtp.SrtpException;
import com.roomagent.transport.srtp.SrtpMasterKey;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The SRTP hand-off of the media node's relay: every packet a participant sends is unprotected
 * once and protected again for each other participant. A 1200-byte RTP packet (a full video
 * packet under a typical 1200-byte MTU budget), AES_CM_128_HMAC_SHA1_80.
 * Run: {@code java -jar benchmarks/target/benchmarks-0.1.0-SNAPSHOT-all.jar Srtp}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SrtpBenchmark {
    private static final long SSRC = 0x0BEE_F00DL;
    private static final int PAYLOAD = 1200 - 12;

    private SrtpContext sender;
    private byte[] rtp;
    private int sequence;
    private SrtpMasterKey key;
    private SrtpContext receiver;
    private byte[][] protectedRing;
    private int next;

    @Setup
    public void setUp() throws SrtpException {
        byte[] keyThenSalt = new byte[30];
        new Random(1).nextBytes(keyThenSalt);
        key = SrtpMasterKey.fromKeyThenSalt(keyThenSalt);
        sender = SrtpContext.sending(key, SSRC);
        rtp = rtpPacket(0);
        // Unprotect needs fresh packets (a replay is refused): protect one sequence number period in
        // advance, 65536 packets, 79 MB.
        SrtpContext ringSender = SrtpContext.sending(key, SSRC);
        protectedRing = new byte[1 << 16][];
        for (int i = 0; i < protectedRing.length; i++) {
            protectedRing[i] = ringSender.protectRtp(rtpPacket(i));
        }
    }

    /** Protect one 1200-byte RTP packet: encrypt 1188 bytes of payload, HMAC-SHA1 1204 bytes. */
    @Benchmark
    public byte[] protectRtp() throws SrtpException {
        sequence = (sequence + 1) & 0xFFFF;
        rtp[2] = (byte) (sequence >>> 8);
        rtp[3] = (byte) sequence;
        return sender.protectRtp(rtp);
    }

    /**
     * Authenticate, replay-check and decrypt one 1210-byte SRTP packet. A replay is refused, so
     * each lap over the ring of 65536 packets starts a new receiving context (its key derivation,
     * a few microseconds, is spread over the lap's 65536 packets).
     */
    @Benchmark
    public byte[] unprotectRtp() throws SrtpException {
        if (next == 0) {
            receiver = SrtpContext.receiving(key, SSRC);
        }
        byte[] packet = protectedRing[next];
        next = (next + 1) & 0xFFFF;
        return receiver.unprotectRtp(packet);
    }

    private static byte[] rtpPacket(int sequence) {
        byte[] packet = new byte[12 + PAYLOAD];
        new Random(sequence).nextBytes(packet);
        packet[0] = (byte) 0x80;
        packet[1] = 96;
        packet[2] = (byte) (sequence >>> 8);
        packet[3] = (byte) sequence;
        packet[8] = (byte) (SSRC >>> 24);
        packet[9] = (byte) (SSRC >>> 16);
        packet[10] = (byte) (SSRC >>> 8);
        packet[11] = (byte) SSRC;
        return packet;
    }
}
