package com.roomagent.emulator.medianode;

import com.roomagent.protocol.discovery.MediaTransport;
import com.roomagent.transport.MediaCandidate;
import com.roomagent.transport.MediaChannel;
import com.roomagent.transport.PacketKind;
import com.roomagent.transport.channel.ChannelSettings;
import com.roomagent.transport.channel.RealChannelOpener;
import com.roomagent.transport.dtls.CertificateFingerprint;
import com.roomagent.transport.dtls.DtlsCertificate;
import com.roomagent.transport.dtls.DtlsSrtpHandshake;
import com.roomagent.transport.dtls.SrtpKeyingMaterial;
import com.roomagent.transport.srtp.SrtpContext;
import com.roomagent.transport.srtp.SrtpException;
import com.roomagent.transport.srtp.SrtpMasterKey;
import com.roomagent.transport.stun.BindingResponse;
import com.roomagent.transport.stun.ShortTermCredentials;
import com.roomagent.transport.stun.StunSession;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * A device's media side built from the media-transport client pieces, as the agent will use them:
 * a real channel to one candidate, a STUN session with short-term credentials, the DTLS client
 * pinning the announced fingerprint, and SRTP contexts for test RTP packets. Every wait is bounded.
 */
final class FakeParticipant implements AutoCloseable {
    static final Duration STUN_RTO = Duration.ofMillis(250);
    static final Duration STUN_TIMEOUT = Duration.ofSeconds(5);
    static final Duration DTLS_TIMEOUT = Duration.ofSeconds(20);

    private final MediaChannel channel;
    private final StunSession session;
    private final BlockingQueue<byte[]> srtp = new LinkedBlockingQueue<>();
    private final long ssrc;
    private final Map<Long, SrtpContext> receiving = new HashMap<>();
    private volatile DtlsSrtpHandshake dtls;
    private SrtpContext sending;
    private SrtpMasterKey fromNode;
    private int sequence;

    private FakeParticipant(MediaChannel channel, ShortTermCredentials credentials, long ssrc, int firstSequence) {
        this.channel = channel;
        this.session = new StunSession(channel, credentials, System::nanoTime);
        this.ssrc = ssrc;
        this.sequence = firstSequence;
        session.downstream(packet -> {
            if (PacketKind.of(packet) == PacketKind.SRTP) {
                srtp.add(packet);
            } else if (dtls != null) {
                dtls.deliver(packet);
            }
        });
    }

    /** Opens a channel to the admission's candidate for {@code transport}. */
    static FakeParticipant open(
            MediaAdmission admission,
            ShortTermCredentials credentials,
            MediaTransport transport,
            SSLContext tls,
            long ssrc,
            int firstSequence)
            throws IOException {
        MediaCandidate candidate = admission.candidates().stream()
                .filter(c -> c.transport() == transport)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + transport + " candidate in " + admission));
        MediaChannel channel = new RealChannelOpener(ChannelSettings.defaults(), tls).open(candidate);
        return new FakeParticipant(channel, credentials, ssrc, firstSequence);
    }

    /** One STUN check with the participant's credentials (the node binds the flow on success). */
    BindingResponse check() throws IOException, InterruptedException {
        return session.check(STUN_RTO, STUN_TIMEOUT);
    }

    /** Runs the DTLS client pinning {@code nodeFingerprint}, and prepares SRTP with the result. */
    void key(String nodeFingerprint) throws IOException, InterruptedException {
        keyWithin(nodeFingerprint, DTLS_TIMEOUT);
    }

    /** As {@link #key(String)}, waiting at most {@code timeout}. */
    void keyWithin(String nodeFingerprint, Duration timeout) throws IOException, InterruptedException {
        dtls = DtlsSrtpHandshake.client(
                channel,
                DtlsCertificate.selfSigned("fake participant", Clock.systemUTC()),
                CertificateFingerprint.parse(nodeFingerprint));
        SrtpKeyingMaterial keys = dtls.keys(timeout);
        sending = SrtpContext.sending(SrtpMasterKey.of(keys.clientWriteKey(), keys.clientWriteSalt()), ssrc);
        fromNode = SrtpMasterKey.of(keys.serverWriteKey(), keys.serverWriteSalt());
    }

    /** Sends one SRTP packet carrying {@code payload}, with the next sequence number. */
    void sendRtp(byte[] payload) throws IOException, SrtpException {
        ByteBuffer rtp = ByteBuffer.allocate(SrtpContext.RTP_HEADER_LENGTH + payload.length);
        rtp.put((byte) 0x80)
                .put((byte) 96)
                .putShort((short) sequence)
                .putInt(sequence * 960)
                .putInt((int) ssrc);
        rtp.put(payload);
        sequence++;
        channel.send(sending.protectRtp(rtp.array()));
    }

    int nextSequence() {
        return sequence;
    }

    /**
     * Waits up to {@code timeout} for an SRTP packet and unprotects it with the node's key to this
     * participant; returns the RTP payload.
     *
     * @throws SrtpException if the packet does not authenticate under this participant's keys
     */
    Optional<byte[]> receivePayload(Duration timeout) throws InterruptedException, SrtpException {
        byte[] packet = srtp.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (packet == null) {
            return Optional.empty();
        }
        long from = ByteBuffer.wrap(packet, 8, 4).getInt() & 0xFFFF_FFFFL;
        byte[] rtp = receiving
                .computeIfAbsent(from, s -> SrtpContext.receiving(fromNode, s))
                .unprotectRtp(packet);
        byte[] payload = new byte[rtp.length - SrtpContext.RTP_HEADER_LENGTH];
        System.arraycopy(rtp, SrtpContext.RTP_HEADER_LENGTH, payload, 0, payload.length);
        return Optional.of(payload);
    }

    /** Drops what arrived so far. */
    void drain() {
        srtp.clear();
    }

    @Override
    public void close() {
        if (dtls != null) {
            dtls.close();
        }
        channel.close();
    }
}
