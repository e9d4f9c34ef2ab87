package com.roomagent.agent.discovery;

import com.roomagent.agent.discovery.internal.Pause;
import com.roomagent.agent.discovery.internal.ProbeTarget;
import com.roomagent.agent.discovery.internal.StreamStunProber;
import com.roomagent.agent.discovery.internal.UdpStunProber;
import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.protocol.discovery.PairResult;
import com.roomagent.protocol.framing.StreamFraming;
import java.net.InetSocketAddress;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Probes one STUN server, any server (coturn, a public one, one of our media nodes), over one
 * protocol: what the CLI's {@code probe} command runs. Same probers, same settings and same failure
 * reasons as discovery.
 */
public final class StunProbe {
    private StunProbe() {}

    /**
     * Sends {@code settings.samplesPerPair()} Binding requests to {@code target} and waits for the
     * answers, blocking for at most {@code settings.pairTimeout} of the protocol plus name
     * resolution.
     *
     * @param target the server; an unresolved address is resolved here, and a failure to resolve is
     *     reported as {@code unresolved} in the result
     * @param framing for TCP and TLS: {@link StreamFraming#PLAIN_STUN} for ordinary STUN servers
     *     (RFC 5389 section 7.2.2), {@link StreamFraming#RFC4571} for our media nodes; ignored for
     *     UDP
     * @param tlsContextOrNull the trust for TLS; null means the Java runtime's default trust store
     * @return the outcome, with node id {@code host:port}, the RTT of every sample, their median and
     *     the mapped address; the transport is {@code udp}, {@code tcp} or {@code tls}
     */
    public static PairResult probe(
            InetSocketAddress target,
            MediaTransport.Protocol protocol,
            StreamFraming framing,
            SSLContext tlsContextOrNull,
            ProbeSettings settings) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(framing, "framing");
        Objects.requireNonNull(settings, "settings");
        String host = target.getHostString();
        String nodeId = ProbeTarget.hostPort(host, target.getPort());
        return switch (protocol) {
            case UDP ->
                new UdpStunProber(settings).probe(new ProbeTarget(nodeId, MediaTransport.UDP, host, target.getPort()));
            case TCP ->
                new StreamStunProber(settings, framing, null, Ticker.system(), Pause.real())
                        .probe(new ProbeTarget(nodeId, MediaTransport.TCP, host, target.getPort()));
            case TLS ->
                new StreamStunProber(settings, framing, trust(tlsContextOrNull), Ticker.system(), Pause.real())
                        .probe(new ProbeTarget(nodeId, MediaTransport.TLS, host, target.getPort()));
        };
    }

    private static SSLContext trust(SSLContext given) {
        if (given != null) {
            return given;
        }
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            // Every Java runtime ships a default TLS context; without one nothing here can work.
            throw new IllegalStateException("the Java runtime has no default TLS context", e);
        }
    }
}
