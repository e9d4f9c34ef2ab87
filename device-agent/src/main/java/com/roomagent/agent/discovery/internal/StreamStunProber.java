package com.roomagent.agent.discovery.internal;

import com.roomagent.agent.discovery.ProbeSettings;
import com.roomagent.agent.discovery.Ticker;
import com.roomagent.protocol.discovery.PairResult;
import com.roomagent.protocol.discovery.ProbeFailure;
import com.roomagent.protocol.framing.StreamFraming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes a node over TCP, or TLS over TCP when built with an {@link SSLContext}: one connection per
 * pair, then {@code samplesPerPair} Binding transactions on it, framed with the configured {@link
 * StreamFraming} (RFC 4571 for our media nodes, plain STUN per RFC 5389 section 7.2.2 for ordinary
 * STUN servers). A request over a reliable transport is sent once (RFC 5389 section 7.2.2), and
 * each transaction gets {@code streamResponseTimeout}. The RTT of a sample covers the transaction
 * only; the connect and handshake times go into the detail of a reachable pair.
 *
 * <p>TLS verifies the node's certificate against the given trust and its name against the node's
 * host with endpoint identification "HTTPS" (RFC 2818 section 3.1), which matches an IP literal
 * against the certificate's IP address entries. A framing error ends the pair: a stream that lost
 * its packet boundaries cannot be read further.
 */
public final class StreamStunProber implements PairProber {
    private static final Logger LOG = LoggerFactory.getLogger(StreamStunProber.class);

    private final ProbeSettings settings;
    private final StreamFraming framing;
    private final SSLContext tls;
    private final Ticker ticker;
    private final Pause pause;

    /**
     * @param tlsOrNull the trust for TLS, or null to probe plain TCP
     */
    public StreamStunProber(
            ProbeSettings settings, StreamFraming framing, SSLContext tlsOrNull, Ticker ticker, Pause pause) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.framing = Objects.requireNonNull(framing, "framing");
        this.tls = tlsOrNull;
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.pause = Objects.requireNonNull(pause, "pause");
    }

    @Override
    public PairResult probe(ProbeTarget target) {
        PairSamples samples = new PairSamples(target);
        String where = target.hostPort();
        String step = "resolve";
        try {
            InetAddress address = InetAddress.getByName(target.host());
            step = "connect";
            // Proxy.NO_PROXY: media and its STUN probes never go through a proxy (R5), even if
            // someone installs a default ProxySelector or sets socksProxyHost.
            try (Socket socket = new Socket(Proxy.NO_PROXY)) {
                long connectStart = ticker.nanos();
                socket.connect(new InetSocketAddress(address, target.port()), millis(settings.connectTimeout()));
                socket.setTcpNoDelay(true);
                samples.note("connect " + PairSamples.formatMillis(ticker.nanos() - connectStart));
                if (tls == null) {
                    step = "STUN over TCP";
                    return exchange(socket, target, samples);
                }
                step = "TLS handshake";
                try (SSLSocket secure = handshake(socket, target, samples)) {
                    step = "STUN over TLS";
                    return exchange(secure, target, samples);
                }
            }
        } catch (SocketTimeoutException e) {
            return failed(samples, target, new FailureClassifier.Failure(ProbeFailure.TIMEOUT, timedOut(step, where)));
        } catch (IOException e) {
            return failed(samples, target, FailureClassifier.classify(e, where, step));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(samples, target, new FailureClassifier.Failure(ProbeFailure.IO_ERROR, "probe interrupted"));
        }
    }

    private SSLSocket handshake(Socket socket, ProbeTarget target, PairSamples samples) throws IOException {
        // The host as the node list gives it: the name check matches an IP literal against the
        // certificate's IP address entries and a name against its DNS names (SNI goes with names only).
        SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(socket, target.host(), target.port(), true);
        try {
            SSLParameters parameters = secure.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            secure.setSSLParameters(parameters);
            secure.setSoTimeout(millis(settings.tlsHandshakeTimeout()));
            long start = ticker.nanos();
            secure.startHandshake();
            samples.note("TLS handshake " + PairSamples.formatMillis(ticker.nanos() - start));
            return secure;
        } catch (IOException | RuntimeException e) {
            secure.close();
            throw e;
        }
    }

    private PairResult exchange(Socket socket, ProbeTarget target, PairSamples samples)
            throws IOException, InterruptedException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        for (int i = 0; i < settings.samplesPerPair(); i++) {
            if (i > 0) {
                pause.pause(settings.sampleInterval());
            }
            FailureClassifier.Failure failure = transaction(socket, in, out, target, samples);
            if (failure != null) {
                return failed(samples, target, failure);
            }
        }
        PairResult result = samples.complete();
        LOG.debug(
                "event=pair-probed node={} transport={} target={} median_rtt_ms={} detail=\"{}\"",
                target.nodeId(),
                target.transport().id(),
                target.hostPort(),
                result.medianRttMillis(),
                result.detail());
        return result;
    }

    /** One transaction; null when answered, else why it failed. */
    private FailureClassifier.Failure transaction(
            Socket socket, InputStream in, OutputStream out, ProbeTarget target, PairSamples samples)
            throws IOException {
        StunTransaction transaction = new StunTransaction(settings.software());
        long timeout = settings.streamResponseTimeout().toNanos();
        samples.transactionStarted();
        long start = ticker.nanos();
        framing.writePacket(out, transaction.request());
        out.flush();
        while (true) {
            long remaining = timeout - (ticker.nanos() - start);
            if (remaining <= 0) {
                return noAnswer(transaction, target);
            }
            socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining + 999_999)));
            byte[] packet;
            try {
                packet = framing.readPacket(in);
            } catch (SocketTimeoutException e) {
                return noAnswer(transaction, target);
            }
            long rtt = ticker.nanos() - start;
            StunTransaction.Answer answer = transaction.accept(packet, 0, packet.length);
            if (answer instanceof StunTransaction.Success success) {
                InetSocketAddress mapped = success.mappedAddress();
                samples.answered(
                        rtt, ProbeTarget.hostPort(mapped.getAddress().getHostAddress(), mapped.getPort()), false);
                return null;
            }
            if (answer instanceof StunTransaction.Rejected rejected) {
                return new FailureClassifier.Failure(
                        ProbeFailure.BAD_RESPONSE, target.hostPort() + " answered with " + rejected.reason());
            }
            LOG.debug(
                    "event=stun-packet-ignored target={} reason=\"{}\"",
                    target.hostPort(),
                    ((StunTransaction.Ignored) answer).reason());
        }
    }

    private FailureClassifier.Failure noAnswer(StunTransaction transaction, ProbeTarget target) {
        String waited = DurationText.of(settings.streamResponseTimeout());
        if (transaction.sawIgnoredPackets()) {
            return new FailureClassifier.Failure(
                    ProbeFailure.BAD_RESPONSE,
                    "no valid STUN response from " + target.hostPort() + " within " + waited + "; received "
                            + transaction.ignoredSummary());
        }
        return new FailureClassifier.Failure(
                ProbeFailure.TIMEOUT, "no answer from " + target.hostPort() + " within " + waited);
    }

    private String timedOut(String step, String where) {
        Duration limit = step.equals("connect")
                ? settings.connectTimeout()
                : step.equals("TLS handshake") ? settings.tlsHandshakeTimeout() : settings.streamResponseTimeout();
        return step + " to " + where + " timed out after " + DurationText.of(limit);
    }

    private static int millis(Duration duration) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, duration.toMillis()));
    }

    private static PairResult failed(PairSamples samples, ProbeTarget target, FailureClassifier.Failure failure) {
        LOG.debug(
                "event=pair-failed node={} transport={} target={} failure={} detail=\"{}\"",
                target.nodeId(),
                target.transport().id(),
                target.hostPort(),
                failure.failure().id(),
                failure.detail());
        return samples.failed(failure.failure(), failure.detail());
    }
}
