package com.roomagent.agent.discovery.internal;

import com.roomagent.agent.discovery.ProbeSettings;
import com.roomagent.agent.discovery.Ticker;
import com.roomagent.protocol.discovery.PairResult;
import com.roomagent.protocol.discovery.ProbeFailure;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes a node over UDP: {@code samplesPerPair} Binding transactions, one after the other, from
 * one socket bound to an ephemeral local port and connected to the node, so the node sees one
 * 5-tuple (R13, R15) and the kernel delivers only the node's datagrams and its ICMP errors.
 *
 * <p>Each transaction retransmits as RFC 5389 section 7.2.1 says ({@link RetransmissionSchedule}).
 * The RTT of a sample counts from the FIRST transmission: an answer does not say which transmission
 * it answers, and Karn's algorithm would drop exactly the samples that show a lossy path, so we keep
 * them as an upper bound and flag them in the detail. Packets that are not a valid answer to the
 * current transaction are ignored; if no valid answer arrives but such packets did, the failure is
 * {@link ProbeFailure#BAD_RESPONSE} (something answers on that port, just not STUN), otherwise
 * {@link ProbeFailure#TIMEOUT}. ICMP port unreachable is {@link ProbeFailure#REFUSED}. A pair stops
 * at its first failed transaction: a path that dropped Rc transmissions would most likely cost
 * another full timeout.
 */
public final class UdpStunProber implements PairProber {
    private static final Logger LOG = LoggerFactory.getLogger(UdpStunProber.class);
    /** Larger than any STUN response we expect; a longer datagram is truncated and then malformed. */
    private static final int RECEIVE_BUFFER_BYTES = 2048;

    private final ProbeSettings settings;
    private final RetransmissionSchedule schedule;
    private final Ticker ticker;
    private final Pause pause;

    public UdpStunProber(ProbeSettings settings, Ticker ticker, Pause pause) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.schedule = new RetransmissionSchedule(settings);
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.pause = Objects.requireNonNull(pause, "pause");
    }

    public UdpStunProber(ProbeSettings settings) {
        this(settings, Ticker.system(), Pause.real());
    }

    @Override
    public PairResult probe(ProbeTarget target) {
        PairSamples samples = new PairSamples(target);
        InetAddress address;
        try {
            address = InetAddress.getByName(target.host());
        } catch (IOException e) {
            return failed(samples, FailureClassifier.classify(e, target.hostPort(), "resolve"), target);
        }
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(new InetSocketAddress(address, target.port()));
            for (int i = 0; i < settings.samplesPerPair(); i++) {
                if (i > 0) {
                    pause.pause(settings.sampleInterval());
                }
                FailureClassifier.Failure failure = transaction(socket, target, samples);
                if (failure != null) {
                    return failed(samples, failure, target);
                }
            }
        } catch (IOException e) {
            return failed(samples, FailureClassifier.classify(e, target.hostPort(), "STUN over UDP"), target);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(samples, new FailureClassifier.Failure(ProbeFailure.IO_ERROR, "probe interrupted"), target);
        }
        PairResult result = samples.complete();
        LOG.debug(
                "event=pair-probed node={} transport={} target={} median_rtt_ms={}",
                target.nodeId(),
                target.transport().id(),
                target.hostPort(),
                result.medianRttMillis());
        return result;
    }

    /** One transaction with its retransmissions; null when answered, else why it failed. */
    private FailureClassifier.Failure transaction(DatagramSocket socket, ProbeTarget target, PairSamples samples)
            throws IOException {
        StunTransaction transaction = new StunTransaction(settings.software());
        byte[] request = transaction.request();
        DatagramPacket outgoing = new DatagramPacket(request, request.length);
        DatagramPacket incoming = new DatagramPacket(new byte[RECEIVE_BUFFER_BYTES], RECEIVE_BUFFER_BYTES);
        samples.transactionStarted();
        long start = ticker.nanos();
        int transmissions = 0;
        while (true) {
            long elapsed = ticker.nanos() - start;
            if (transmissions < schedule.maxTransmissions()
                    && elapsed >= schedule.sendOffset(transmissions).toNanos()) {
                socket.send(outgoing);
                transmissions++;
                continue;
            }
            long nextEvent = transmissions < schedule.maxTransmissions()
                    ? schedule.sendOffset(transmissions).toNanos()
                    : schedule.timeout().toNanos();
            if (transmissions == schedule.maxTransmissions() && elapsed >= nextEvent) {
                return noAnswer(transaction, target, transmissions);
            }
            // SO_TIMEOUT has millisecond resolution, and 0 would mean forever.
            socket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextEvent - elapsed + 999_999)));
            incoming.setLength(RECEIVE_BUFFER_BYTES);
            try {
                socket.receive(incoming);
            } catch (SocketTimeoutException e) {
                continue;
            }
            long rtt = ticker.nanos() - start;
            StunTransaction.Answer answer =
                    transaction.accept(incoming.getData(), incoming.getOffset(), incoming.getLength());
            if (answer instanceof StunTransaction.Success success) {
                InetSocketAddress mapped = success.mappedAddress();
                samples.answered(
                        rtt,
                        ProbeTarget.hostPort(mapped.getAddress().getHostAddress(), mapped.getPort()),
                        transmissions > 1);
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

    private FailureClassifier.Failure noAnswer(StunTransaction transaction, ProbeTarget target, int transmissions) {
        String waited = DurationText.of(schedule.timeout());
        if (transaction.sawIgnoredPackets()) {
            return new FailureClassifier.Failure(
                    ProbeFailure.BAD_RESPONSE,
                    "no valid STUN response from " + target.hostPort() + " to " + transmissions + " transmissions over "
                            + waited + "; received " + transaction.ignoredSummary());
        }
        return new FailureClassifier.Failure(
                ProbeFailure.TIMEOUT,
                "no answer from " + target.hostPort() + " to " + transmissions + " transmissions over " + waited);
    }

    private static PairResult failed(PairSamples samples, FailureClassifier.Failure failure, ProbeTarget target) {
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
