package com.roomagent.agent.discovery.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.roomagent.agent.discovery.ProbeSettings;
import com.roomagent.agent.discovery.Ticker;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.discovery.PairResult;
import com.roomagent.protocol.discovery.ProbeFailure;
import com.roomagent.protocol.framing.StreamFraming;
import com.roomagent.protocol.stun.StunDecoder;
import com.roomagent.protocol.stun.StunMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class StreamStunProberTest {
    private static final ProbeSettings SETTINGS = ProbeSettings.defaults().toBuilder()
            .connectTimeout(Duration.ofMillis(500))
            .streamResponseTimeout(Duration.ofMillis(300))
            .sampleInterval(Duration.ofMillis(10))
            .build();

    private ServerSocket listener;
    private Thread serverThread;

    @AfterEach
    void stopServer() throws Exception {
        if (listener != null) {
            listener.close();
            serverThread.join(2_000);
        }
    }

    @Test
    void rfc4571FramedTransactionsShareOneConnection() throws Exception {
        serve(StreamFraming.RFC4571, true);

        PairResult result = probe(StreamFraming.RFC4571);

        assertTrue(result.reachable(), result::toString);
        assertEquals(3, result.rttSamplesMillis().size());
        assertTrue(result.mappedAddress().startsWith("127.0.0.1:"), result.mappedAddress());
        assertTrue(result.detail().startsWith("connect "), "connect time is reported: " + result.detail());
    }

    @Test
    void plainStunFramingReachesOrdinaryStunServers() throws Exception {
        serve(StreamFraming.PLAIN_STUN, true);

        PairResult result = probe(StreamFraming.PLAIN_STUN);

        assertTrue(result.reachable(), result::toString);
    }

    @Test
    void anAcceptedButSilentConnectionTimesOutPerTransaction() throws Exception {
        serve(StreamFraming.RFC4571, false);

        PairResult result = probe(StreamFraming.RFC4571);

        assertEquals(ProbeFailure.TIMEOUT, result.failure(), result::toString);
        assertEquals("no answer from " + hostPort() + " within 300 ms", result.detail());
        assertEquals(1, result.samplesSent());
    }

    @Test
    void aClosedPortIsRefused() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        StreamStunProber prober =
                new StreamStunProber(SETTINGS, StreamFraming.RFC4571, null, Ticker.system(), Pause.real());

        PairResult result = prober.probe(new ProbeTarget("closed", MediaTransport.TCP, "127.0.0.1", closedPort));

        assertEquals(ProbeFailure.REFUSED, result.failure(), result::toString);
        assertEquals("connection refused by 127.0.0.1:" + closedPort, result.detail());
    }

    private PairResult probe(StreamFraming framing) {
        StreamStunProber prober = new StreamStunProber(SETTINGS, framing, null, Ticker.system(), Pause.real());
        return prober.probe(new ProbeTarget("node-a", MediaTransport.TCP, "127.0.0.1", listener.getLocalPort()));
    }

    private String hostPort() {
        return "127.0.0.1:" + listener.getLocalPort();
    }

    /** Accepts one connection and answers its requests, or only reads them when silent. */
    private void serve(StreamFraming framing, boolean answer) throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        serverThread = new Thread(
                () -> {
                    try (Socket connection = listener.accept()) {
                        InputStream in = connection.getInputStream();
                        OutputStream out = connection.getOutputStream();
                        InetSocketAddress peer = (InetSocketAddress) connection.getRemoteSocketAddress();
                        while (true) {
                            StunMessage request = StunDecoder.decode(framing.readPacket(in));
                            if (answer) {
                                framing.writePacket(out, ScriptedUdpStunServer.success(request, peer));
                            }
                        }
                    } catch (Exception e) {
                        // The prober closed the connection, or the test closed the listener.
                    }
                },
                "scripted-tcp-stun-server");
        serverThread.setDaemon(true);
        serverThread.start();
    }
}
