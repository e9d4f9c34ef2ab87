package com.roomagent.agent.discovery;

import com.roomagent.emulator.CloudEmulator;
import com.roomagent.emulator.EmulatorStartException;
import com.roomagent.emulator.config.EmulatorConfig;
import com.roomagent.emulator.config.NodeConfig;
import com.roomagent.emulator.config.TransportMode;
import com.roomagent.protocol.discovery.MediaTransport;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/** Starting the cloud emulator and talking to it the way the agent does. */
final class Emulators {
    /**
     * Probe settings for loopback: a silent UDP transaction costs 350 ms. The stream timeouts are
     * roomier, as the first TLS handshakes of a cold JVM (client and emulator alike) are slow.
     */
    static final ProbeSettings FAST = ProbeSettings.defaults().toBuilder()
            .udpInitialRto(Duration.ofMillis(50))
            .udpMaxTransmissions(3)
            .udpFinalWaitMultiplier(4)
            .connectTimeout(Duration.ofSeconds(1))
            .tlsHandshakeTimeout(Duration.ofMillis(1_500))
            .streamResponseTimeout(Duration.ofSeconds(1))
            .sampleInterval(Duration.ofMillis(5))
            .build();

    private Emulators() {}

    static CloudEmulator start(Path stateDir, NodeConfig... nodes) throws EmulatorStartException {
        return CloudEmulator.start(EmulatorConfig.loopback(nodes), stateDir);
    }

    /**
     * A node on {@code host} offering every transport on an ephemeral port, all served. The modes
     * are explicit: the emulator's validator (at the time of writing) fails on a node without any.
     */
    static NodeConfig.Builder node(String id, String host) {
        NodeConfig.Builder builder = NodeConfig.builder(id, host).region("loopback");
        for (MediaTransport transport : MediaTransport.values()) {
            builder.port(transport, 0).mode(transport, TransportMode.SERVE);
        }
        return builder;
    }

    static SSLContext trust(CloudEmulator emulator) throws TrustAnchorException {
        return TrustAnchors.sslContextTrusting(emulator.caCertificate());
    }

    static HttpClient http(CloudEmulator emulator) throws TrustAnchorException {
        return CloudHttp.client(trust(emulator), Duration.ofSeconds(2));
    }

    static NodeListClient nodeLists(CloudEmulator emulator) throws TrustAnchorException {
        return new NodeListClient(http(emulator), emulator.signalingUri(), Duration.ofSeconds(5));
    }

    static DiscoveryReportClient reports(CloudEmulator emulator) throws TrustAnchorException {
        return new DiscoveryReportClient(http(emulator), emulator.signalingUri(), Duration.ofSeconds(5));
    }

    /** An https URI on a loopback port nothing listens on. */
    static URI closedHttpsUri() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("https://127.0.0.1:" + socket.getLocalPort());
        }
    }

    /** The source address the kernel picks for datagrams to {@code host}: what a node sees. */
    static String localAddressTowards(String host) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(new InetSocketAddress(host, 9));
            return socket.getLocalAddress().getHostAddress();
        }
    }
}
