package com.roomagent.benchmarks;

import com.roomagent.protocol.stun.IceControlling;
import com.roomagent.protocol.stun.Priority;
import com.roomagent.protocol.stun.StunCredentials;
import com.roomagent.protocol.stun.StunDecoder;
import com.roomagent.protocol.stun.StunEncoder;
import com.roomagent.protocol.stun.StunIntegrity;
import com.roomagent.protocol.stun.StunMessage;
import com.roomagent.protocol.stun.StunParseException;
import com.roomagent.protocol.stun.TransactionId;
import com.roomagent.protocol.stun.UseCandidate;
import com.roomagent.protocol.stun.Username;
import com.roomagent.protocol.stun.XorMappedAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The STUN codec on the ICE connectivity-check path: an agent encodes a signed Binding request
 * and decodes and verifies the response, for every candidate pair, every few tens of milliseconds.
 * Run: {@code java -jar benchmarks/target/benchmarks-0.1.0-SNAPSHOT-all.jar StunCodec}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StunCodecBenchmark {
    private byte[] key;
    private StunMessage request;
    private byte[] response;

    @Setup
    public void setUp() throws UnknownHostException {
        key = StunCredentials.shortTermKey("VOkJxbRl1RmTxUk/WvJxBt");
        TransactionId id = TransactionId.random();
        // A connectivity check as RFC 8445 §7.1 has an agent send it.
        request = StunMessage.bindingRequest(
                id,
                new Username("evtj:h6vY"),
                new Priority(0x6e0001ffL),
                new IceControlling(0x932ff9b151263b36L),
                new UseCandidate());
        StunMessage success = StunMessage.bindingSuccess(
                id, new XorMappedAddress(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 32853)));
        response = StunEncoder.encode(success, key, true);
    }

    /** Encode with HMAC-SHA1 MESSAGE-INTEGRITY and FINGERPRINT. */
    @Benchmark
    public byte[] encodeSignedBindingRequest() {
        return StunEncoder.encode(request, key, true);
    }

    /** Decode a success response with XOR-MAPPED-ADDRESS, MESSAGE-INTEGRITY and FINGERPRINT (checked). */
    @Benchmark
    public StunMessage decodeBindingSuccess() throws StunParseException {
        return StunDecoder.decode(response);
    }

    /** What a client does with each response: decode it and verify its MESSAGE-INTEGRITY. */
    @Benchmark
    public void decodeAndVerifyBindingSuccess(Blackhole blackhole) throws StunParseException {
        blackhole.consume(StunDecoder.decode(response));
        blackhole.consume(StunIntegrity.verify(response, key));
    }
}
